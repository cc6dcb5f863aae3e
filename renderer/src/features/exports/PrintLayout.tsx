import { itemNumber, level1Number } from '#shared/documents/heading-numbers';
import type { OpinionListModel } from '#shared/documents/opinion-list';
import './print.css';

/**
 * A list on A4 paper, in the same order and wording as the Word list (both render the shared
 * list model). On screen it is a preview sheet; printed, print.css gives it the GB/T 9704 page.
 */
export function PrintLayout({ lists }: { lists: readonly OpinionListModel[] }) {
  return (
    <>
      {lists.map((model) => (
        <article key={model.target.id} className="gb-list" data-testid={`print-list-${model.target.id}`}>
          {/* On paper every page carries the mark in its margin (PrintPortal); the preview shows it once. */}
          {model.internal && <div className="gb-mark">内部资料</div>}
          <h1 className="gb-title">
            {model.titleLines.map((line) => (
              <span key={line}>{line}</span>
            ))}
          </h1>
          {model.subtitle && <p className="gb-subtitle">{model.subtitle}</p>}
          <p className="gb-blank" />
          {model.intro.map((text) => (
            <p key={text} className="gb-body">
              {text}
            </p>
          ))}
          {model.sections.map((section) => (
            <section key={section.category}>
              <h2 className="gb-h1">
                {level1Number(section.n)}
                {section.heading}
              </h2>
              {section.emptyText && <p className="gb-body">{section.emptyText}</p>}
              {/* An opinion's typed lines are lines of their own, as in the Word list: never run together. */}
              {section.items.flatMap((item) =>
                item.lines.map((line, i) => (
                  <p key={`${item.n}-${i}`} className="gb-body">
                    {i === 0 && itemNumber(item.n)}
                    {line}
                    {i === item.lines.length - 1 && item.note && <span className="gb-note">{item.note}</span>}
                  </p>
                )),
              )}
            </section>
          ))}
        </article>
      ))}
    </>
  );
}
