/** Words that open a sentence or phrase before a name without being part of it ("In Kabul"). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the in on at by for from to of and but or nor as if it he she they we i you his her their our this that ' +
    'these those there here when where while after before during since until with without under over about into ' +
    'near outside across toward towards through throughout like unlike including despite although though because ' +
    'also however meanwhile earlier later both some many most all each every such'
  ).split(' '),
);

/**
 * Capitalised words that are almost never a place on their own although some gazetteer place
 * bears the name ("March", "Police", "Of"): function words that open sentences, months, days,
 * titles and the common nouns of news. Lower-case keys.
 */
export const NOT_PLACE_ALONE: ReadonlySet<string> = new Set(
  (
    'a an the in on at by for from to of and but or nor as if it its he she they we i you his her their our my ' +
    'this that these those there here when where while after before during since until with without under over ' +
    'about above below between into onto upon per via then than so yet also however meanwhile earlier later ' +
    'last next first second third some many most all both each every other such no not one two three ' +
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow ' +
    'mr mrs ms dr sir gen col lt sgt president minister prime general governor mayor chief commander ' +
    'police army sources source officials official government ministry department council court party union ' +
    'bank church street road university hospital school college airport station office agency force forces ' +
    'state states federal national central northern southern eastern western north south east west ' +
    'islamic republic kingdom democratic people media news press reuters ap afp associated ' +
    'god allah christmas easter ramadan eid internet twitter facebook google mount lake river island ' +
    'apart inputs ever dismissing according despite although though because whether even only just ' +
    'said says say like unlike among amid against along beside besides within across toward towards ' +
    'more less much very well still what which who whom whose why how health home world city town village ' +
    'district province region county capital county border valley hall center centre park square bridge ' +
    // Arabic articles and name particles written apart ("Al Safra", "El Fasher", "Abu Ghraib"):
    // the first word of a longer name, whatever hamlet bears it alone (Ål in Norway).
    'al el ad ar as ash az ath abu ibn bin bint umm'
  ).split(' '),
);

/** Words that may open a place name before the gazetteer's own name ("northern Alberta"). */
export const DIRECTION_MODIFIERS: ReadonlySet<string> = new Set(
  'north south east west northern southern eastern western central upper lower greater northwest northeast southwest southeast'.split(
    ' ',
  ),
);
