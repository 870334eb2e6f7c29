/**
 * Cue words for attribution and modality. Kept as data, apart from the functions that use them,
 * so they can be extended without touching the rules.
 */

/** Reporting verbs that introduce or close an attributed statement. */
export const REPORTING_VERBS =
  'said|says|say|told|tell|tells|claimed|claims|alleged|alleges|allege|warned|warns|emphasi[sz]ed|stressed|added|adds|reported|reports|stated|states|confirmed|confirms|announced|announces|estimated|described|denied|denies|acknowledged|admitted|insisted|noted|explained|asserted|maintained|revealed|disclosed|quoted|counted|accused|blamed|suggested|suggest|believed|believe|show|shows|showed|indicated|indicate|indicates|put the toll at|gave death tolls|gave a toll|offered a heavier toll|described|wrote|posted|tweeted|declared|concluded|assessed|could not (?:independently )?(?:verify|confirm)|dismissed';

/** Reporting verbs that mark what follows as an unproven accusation. */
export const ALLEGING_VERBS = /^(?:alleged|alleges|allege|accused|blamed)$/i;
/** Reporting verbs that mark what follows as speculation or assessment. */
export const UNCERTAIN_VERBS = /^(?:suggested|suggest|believed|believe|estimated|assessed)$/i;
/** Reporting verbs of denial. */
export const DENYING_VERBS = /^(?:denied|denies)$/i;

/** Hedges that make a statement alleged (about others, unproven). */
export const ALLEGED_CUES =
  /\b(?:allegedly|alleged|reportedly|accused of|is accused|are accused|purportedly|blamed|attributed|pointed the finger)\b/i;
/** Hedges that make a statement uncertain (speculation, assessment). */
export const UNCERTAIN_CUES =
  /\b(?:may|might|could|possibly|probably|perhaps|likely|unlikely|suggests?|suggested|suggesting|believed to|thought to|feared|presumably|apparently|not (?:been )?ruled out|unconfirmed|unclear whether|if confirmed|estimated)\b/i;
/** Negation of the fact itself. */
export const NEGATION_CUES =
  /\b(?:wrongly (?:assumed|believed|reported|thought|presumed)|falsely (?:reported|claimed|assumed)|mistakenly (?:reported|believed)|not|never|no one|nobody|none|without|survived|escaped unhurt|hurt no one|injured no one|did not|didn't|has not|had not|have not|was not|were not|wasn't|weren't)\b/i;
/** Denial by a party. */
export const DENIAL_CUES =
  /\b(?:denied|denies|deny|denying|rejected (?:the )?(?:claims?|allegations?|reports?|responsibility)|(?:had|has|have) no (?:part|role|hand|involvement) in|(?:had|has|have) nothing to do with|was not involved|were not involved|not (?:behind|responsible for))\b/i;

/** A party claiming an act for itself. */
export const CLAIM_CUES =
  /\b(?:claimed (?:responsibility|credit)?|claims? (?:of )?responsibility|claiming (?:responsibility|credit)?|responsibility was claimed|said (?:it|they) (?:was|were|had been) (?:behind|responsible)|said (?:its|their) (?:fighters|men|militants|members|mujahideen) had|said (?:it|they) had (?:carried out|killed|attacked|captured|targeted|inflicted|taken))\b/i;

/** Words that mark a source as anonymous. */
export const ANONYMOUS_CUES =
  /\b(?:sources?|anonymity|not (?:be )?named|not authori[sz]ed|declined to be (?:named|identified)|asked not to be|requested anonymity|unnamed|on condition)\b/i;
/** Words that mark a source as an official or state body. */
export const OFFICIAL_CUES =
  /\b(?:officials?|official statement|statement|minister|ministry|ministers|spokes(?:man|woman|person)|government|authorities|police|army|military|forces|commissioner|governor|president|prime minister|chief|commander|general|gen\.|maj\.|capt\.|col\.|colonel|captain|inspector|superintendent|deputy|officer|administrat\w*|heads|council|department|agency head|ISPR|public relations|media wing|publicity arm|office|embassy|white house|pentagon|kremlin|state department|defen[cs]e|interior|mayor|district|assistant commissioner|station house officer|health officer|senator|lawmaker|envoys?|ambassador|court|prosecutors?|investigators|judge|troops|ombuds(?:man|person)|coroner|magistrate|attorney general)\b/i;
/** Words that mark a source as a news outlet. */
export const OUTLET_CUES =
  /\b(?:television|TV|radio|newspaper|daily|channel|broadcaster|media|press|news(?:paper)?|times|post|gazette|tribune|journal|website|magazine|journalist|correspondent|reporters?|Reuters|AFP|AP|BBC|CNN|Al Jazeera|Dawn|El País|Xinhua|Anadolu|VOA)\b/i;
/** Wire agencies (kind `agency` when named as the source). */
export const AGENCY_CUES =
  /\b(?:agency|agencies|Reuters|AFP|Agence France-Presse|Associated Press|AP|Xinhua|Anadolu|ANI|PTI|IANS|TASS|Amaq|intelligence)\b/i;
/** Words that mark a source as social media. */
export const SOCIAL_CUES =
  /\b(?:social media|Telegram|Twitter|X account|Facebook|WhatsApp|TikTok|YouTube|accounts?|posts?|online|channels)\b/i;
/** Words that mark a source as an eyewitness or someone present. */
export const WITNESS_CUES =
  /\b(?:witness(?:es)?|eyewitness(?:es)?|residents?|survivors?|villagers|relatives?|who lives in|lives in|local man|local woman|daughter|son|wife|husband|brother|sister|neighbou?rs?|shopkeepers?|bystanders?|medics?|doctors?|nurses?|counted|aid workers?|(?:tribal |village |community )?elders?|locals|farmers?|passengers?|motorists?|traders?|vendors?|hawkers?|students?|teachers?|pupils?|parents?|worshippers?|mourners?|guests?|who (?:sells|runs|owns|works|farms|drives|escaped|survived|fled|saw|was (?:there|present|inside|wounded|injured)))\b/i;
