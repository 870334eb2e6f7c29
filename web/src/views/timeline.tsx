/** Events per week by ACLED category, as a stacked bar chart (Chart.js, drawn on a canvas). */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef, useState } from 'preact/hooks';
import { CATEGORY_COLORS, get, label, qs } from '../api';
import { useLoad } from '../router';
import { Loaded } from './common';
import { FilterBar } from './filters';
import type { EventFilters } from './filters';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

interface WeekCount {
  week: string;
  category: string;
  count: number;
}

export function TimelinePage() {
  const [filters, setFilters] = useState<EventFilters>({});
  const hist = useLoad(
    () => get<{ items: WeekCount[] }>(`/api/events/histogram${qs(filters)}`),
    [JSON.stringify(filters)],
  );
  return (
    <section>
      <h1>Events per week</h1>
      <FilterBar onChange={setFilters} />
      <Loaded {...hist}>{(d) => <WeekChart items={d.items} />}</Loaded>
    </section>
  );
}

function WeekChart({ items }: { items: WeekCount[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const weeks = [...new Set(items.map((i) => i.week))].sort();
    const cats = [...new Set(items.map((i) => i.category))];
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: weeks,
        datasets: cats.map((c) => ({
          label: label(c),
          backgroundColor: CATEGORY_COLORS[c] ?? '#888',
          data: weeks.map((w) => items.find((i) => i.week === w && i.category === c)?.count ?? 0),
        })),
      },
      options: {
        animation: false,
        responsive: true,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } },
      },
    });
    return () => chart.destroy();
  }, [items]);
  return (
    <div class="chart">
      <canvas id="timeline-chart" ref={canvas} />
    </div>
  );
}
