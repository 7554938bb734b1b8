import { ROW_STATUS_INFO } from '@/lib/render/grid';
import { ROW_STATUSES } from '@/lib/alignment/types';

/** What the margin marks mean: status shapes, elisions, insertions, placeholders. */
export function StatusLegend() {
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">Key</h2>
      <dl>
        {ROW_STATUSES.map((status) => (
          <div key={status}>
            <dt>
              <span className="row-status" data-status={status} aria-hidden="true">
                {ROW_STATUS_INFO[status].glyph}
              </span>
              <span className="sr-only">{ROW_STATUS_INFO[status].label}</span>
            </dt>
            <dd>{ROW_STATUS_INFO[status].description}</dd>
          </div>
        ))}
        <div>
          <dt>
            <span className="elision" aria-hidden="true">
              …
            </span>
            <span className="sr-only">Elision mark</span>
          </dt>
          <dd>Words omitted in the published text</dd>
        </div>
        <div>
          <dt>
            <span className="insertion" aria-hidden="true">
              word
            </span>
            <span className="sr-only">Bracketed word</span>
          </dt>
          <dd>Editorial insertion (the translator&rsquo;s or editor&rsquo;s addition)</dd>
        </div>
        <div>
          <dt>
            <span className="placeholder-swatch" aria-hidden="true" />
            <span className="sr-only">Hatched box</span>
          </dt>
          <dd>Placeholder: source text not yet transcribed</dd>
        </div>
      </dl>
    </section>
  );
}
