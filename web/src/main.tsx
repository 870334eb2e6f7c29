/** The analyst's workbench: one page, hash routes, everything from the Sitrep API. */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { useRoute } from './router';
import { Home } from './views/home';
import { Reader } from './views/reader';
import { EntityPage } from './views/entity';
import { EventsPage } from './views/events';
import { MapPage } from './views/map';
import { TimelinePage } from './views/timeline';
import { GraphPage } from './views/graph';
import { SearchPage } from './views/search';
import { ReviewPage } from './views/review';
import './style.css';

const NAV: [string, string][] = [
  ['home', 'Documents'],
  ['events', 'Events'],
  ['map', 'Map'],
  ['timeline', 'Timeline'],
  ['graph', 'Graph'],
  ['review', 'Review'],
];

function App() {
  const route = useRoute();
  const [q, setQ] = useState(route.page === 'search' ? (route.query.get('q') ?? '') : '');
  const page = (() => {
    switch (route.page) {
      case 'doc':
        return <Reader id={route.arg} />;
      case 'entity':
        return <EntityPage entityKey={route.arg} />;
      case 'events':
        return <EventsPage />;
      case 'map':
        return <MapPage />;
      case 'timeline':
        return <TimelinePage />;
      case 'graph':
        return <GraphPage />;
      case 'search':
        return <SearchPage q={route.query.get('q') ?? ''} />;
      case 'review':
        return <ReviewPage />;
      default:
        return <Home />;
    }
  })();
  return (
    <>
      <header>
        <a class="brand" href="#/">
          Sitrep
        </a>
        <nav>
          {NAV.map(([p, name]) => (
            <a href={`#/${p === 'home' ? '' : p}`} class={route.page === p ? 'active' : ''}>
              {name}
            </a>
          ))}
        </nav>
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            location.hash = `#/search?q=${encodeURIComponent(q)}`;
          }}
        >
          <input
            id="global-search"
            type="search"
            placeholder="Search documents and entities"
            value={q}
            onInput={(e) => setQ(e.currentTarget.value)}
          />
        </form>
      </header>
      <main>{page}</main>
      <footer>
        Place data: GeoNames (CC BY 4.0). Basemap: Natural Earth via world-atlas.{' '}
        <a href="/api/docs">API docs</a>
      </footer>
    </>
  );
}

render(<App />, document.getElementById('app')!);
