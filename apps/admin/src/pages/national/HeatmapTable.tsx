import { Link } from "react-router";
import type { Heatmap as HeatmapData } from "./types";

export const TABLE_PAGE_SIZE = 50;

/**
 * The heatmap as a table, one page of trusts at a time, with the header row and the trust column staying
 * in view while it scrolls.
 */
export function HeatmapTable({
  data,
  page,
  pageHref,
}: {
  data: HeatmapData;
  page: number;
  pageHref: (n: number) => string;
}) {
  const width = data.functionalities.length;
  const pages = Math.max(1, Math.ceil(data.trusts.length / TABLE_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const first = (current - 1) * TABLE_PAGE_SIZE;
  const shown = data.trusts.slice(first, first + TABLE_PAGE_SIZE);
  const caption = "Adoption level by trust (rows) and functionality (columns)";
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="realise-heatmap-table realise-sticky-table" aria-label={caption} tabIndex={0}>
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption">
            {caption}, trusts {first + 1} to {first + shown.length} of {data.trusts.length}
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Trust
              </th>
              <th scope="col" className="nhsuk-table__header">
                Tier
              </th>
              {data.functionalities.map((f) => (
                <th key={f.code} scope="col" className="nhsuk-table__header">
                  <abbr title={f.name}>{f.code}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {shown.map((t, k) => {
              const i = first + k;
              return (
                <tr key={t.odsCode} className="nhsuk-table__row">
                  <th scope="row" className="nhsuk-table__header">
                    <Link to={`/trusts/${t.odsCode}`}>
                      {t.name} ({t.odsCode})
                    </Link>
                  </th>
                  <td className="nhsuk-table__cell">{t.attainedTier}</td>
                  {data.functionalities.map((f, j) => {
                    const level = data.levels[i * width + j] ?? -1;
                    return (
                      <td
                        key={f.code}
                        className={`nhsuk-table__cell ${level >= 0 ? `realise-level-${level}` : "realise-level-na"}`}
                      >
                        {level >= 0 ? (
                          `L${level}`
                        ) : (
                          <>
                            <span aria-hidden="true">n/a</span>
                            <span className="nhsuk-u-visually-hidden">Does not apply</span>
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {pages > 1 && (
        <nav className="nhsuk-pagination" aria-label="Pages of trusts">
          <p className="nhsuk-body">
            Page {current} of {pages}. {current > 1 && <Link to={pageHref(current - 1)}>Previous page</Link>}
            {current > 1 && current < pages && " · "}
            {current < pages && <Link to={pageHref(current + 1)}>Next page</Link>}
          </p>
        </nav>
      )}
    </>
  );
}
