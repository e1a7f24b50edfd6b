import { html, css, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { formatDate } from '../i18n/locale.js';
import type { Subprocessor } from '../manifest/schema.js';
import { httpUrl } from './urls.js';
import { themeStyles } from '../styles/theme.js';
import { viewStyles } from './styles.js';
import { ViewElement, defineView } from './view-element.js';

export type SubprocessorColumn = 'name' | 'purpose' | 'location' | 'data';
export type SortDirection = 'ascending' | 'descending';

const COLUMNS: readonly SubprocessorColumn[] = ['name', 'purpose', 'location', 'data'];

export function locationsOf(subprocessor: Subprocessor): string[] {
  return typeof subprocessor.location === 'string' ? [subprocessor.location] : subprocessor.location;
}

function columnText(subprocessor: Subprocessor, column: SubprocessorColumn): string {
  switch (column) {
    case 'name':
      return subprocessor.name;
    case 'purpose':
      return subprocessor.purpose;
    case 'location':
      return locationsOf(subprocessor).join(', ');
    case 'data':
      return (subprocessor.data ?? []).join(', ');
  }
}

function collator(lang: string): Intl.Collator {
  try {
    return new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  } catch {
    return new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  }
}

/**
 * The `#subprocessors` view: who processes customer data, for what and where, as a table that sorts by
 * any column (buttons in the headers, `aria-sort` on the sorted one), filters by text, location and
 * purpose, and reflows into stacked cards in a narrow container.
 *
 * @csspart subprocessors - The whole view.
 * @csspart meta - When the list last changed and the notice period.
 * @csspart filters - The filter fields.
 * @csspart count - How many rows the filters leave (a live status).
 * @csspart table - The table.
 * @csspart sort - A column header's sort button.
 * @csspart row - One subprocessor.
 * @csspart clear - The "Clear filters" button.
 */
export class TrustCenterSubprocessorsElement extends ViewElement {
  static override exportedParts = ['subprocessors', 'meta', 'filters', 'count', 'table', 'sort', 'row', 'clear'];

  static override styles = [
    themeStyles,
    viewStyles,
    css`
      /* Filters in an even grid: three equal columns wide, one full-width field a row on a phone. The labels
         share a top line and the controls the next; the filter's hint sits under its field. */
      .filters {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 13em), 1fr));
        align-items: start;
        max-width: 60rem;
      }
      .filters :is(input, select) {
        width: 100%;
      }
      .filters .hint {
        margin-top: 0.2em;
      }
      .meta span {
        display: block;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        margin: 0.5em 0 var(--_space);
      }
      th,
      td {
        text-align: start;
        vertical-align: top;
        padding: 0.5em 0.75em;
        border-bottom: 1px solid var(--_border);
      }
      thead th {
        background: var(--_surface);
        padding: 0;
        white-space: nowrap;
      }
      tbody th {
        font-weight: 600;
      }
      button.sort {
        width: 100%;
        display: flex;
        justify-content: space-between;
        gap: 0.5em;
        font-weight: 600;
        color: var(--_text);
        background: transparent;
        border: 0;
        border-radius: 0;
        padding: 0.5em 0.75em;
        text-align: start;
      }
      button.sort:hover {
        color: var(--_accent);
      }
      th[aria-sort] button.sort {
        color: var(--_accent);
      }
      .arrow {
        color: var(--_muted);
      }
      th[aria-sort] .arrow {
        color: inherit;
      }
      .cell-label {
        display: none;
      }
      .none {
        color: var(--_muted);
      }
      /* Narrow containers: each row becomes a card; the header row stays as a bar of sort buttons. */
      @container tc-view (max-width: 40rem) {
        table,
        thead,
        tbody,
        tr,
        th,
        td {
          display: block;
        }
        thead tr {
          display: flex;
          flex-wrap: wrap;
          gap: 0.25em;
          border: 1px solid var(--_border);
          border-radius: var(--_radius);
          background: var(--_surface);
          margin-bottom: var(--_space);
        }
        thead th {
          border: 0;
          background: none;
        }
        button.sort {
          width: auto;
        }
        tbody tr {
          border: 1px solid var(--_border);
          border-radius: var(--_radius);
          padding: 0.5em 0.75em;
          margin-bottom: 0.75em;
        }
        tbody :is(th, td) {
          border: 0;
          padding: 0.2em 0;
        }
        tbody th {
          font-size: 1.1em;
        }
        .cell-label {
          display: block;
          font-size: 0.85em;
          font-weight: 600;
          color: var(--_muted);
        }
      }
    `,
  ];

  @state() private sortColumn: SubprocessorColumn = 'name';
  @state() private sortDirection: SortDirection = 'ascending';
  @state() private filterText = '';
  @state() private location = '';
  @state() private purpose = '';

  private readonly handleSort = (event: Event) => {
    const column = (event.currentTarget as HTMLElement).dataset.column as SubprocessorColumn;
    if (column === this.sortColumn) this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sortColumn = column;
      this.sortDirection = 'ascending';
    }
  };

  private readonly handleFilter = (event: Event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (target.name === 'filter') this.filterText = target.value;
    else if (target.name === 'location') this.location = target.value;
    else if (target.name === 'purpose') this.purpose = target.value;
  };

  private readonly handleClear = () => {
    this.filterText = '';
    this.location = '';
    this.purpose = '';
    this.renderRoot.querySelector<HTMLInputElement>('input[name="filter"]')?.focus();
  };

  /** The rows the filters leave, in the chosen order. */
  get rows(): Subprocessor[] {
    const all = this.loaded?.manifest.subprocessors ?? [];
    const terms = this.filterText.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const compare = collator(this.language);
    const sign = this.sortDirection === 'ascending' ? 1 : -1;
    return all
      .filter((s) => !this.location || locationsOf(s).includes(this.location))
      .filter((s) => !this.purpose || s.purpose === this.purpose)
      .filter((s) => {
        const haystack = COLUMNS.map((c) => columnText(s, c)).join('\n').toLocaleLowerCase();
        return terms.every((term) => haystack.includes(term));
      })
      .sort((a, b) => sign * compare.compare(columnText(a, this.sortColumn), columnText(b, this.sortColumn)));
  }

  private renderHeader(column: SubprocessorColumn, label: string): TemplateResult {
    const sorted = this.sortColumn === column;
    const arrow = sorted ? (this.sortDirection === 'ascending' ? '▲' : '▼') : '↕';
    return html`<th scope="col" role="columnheader" aria-sort=${sorted ? this.sortDirection : nothing}>
      <button part="sort" class="sort" type="button" data-column=${column} @click=${this.handleSort}>
        ${label}<span class="arrow" aria-hidden="true">${arrow}</span>
      </button>
    </th>`;
  }

  private renderFilters(all: readonly Subprocessor[]): TemplateResult {
    const m = this.messages.subprocessors;
    const compare = collator(this.language);
    const locations = [...new Set(all.flatMap(locationsOf))].sort(compare.compare);
    const purposes = [...new Set(all.map((s) => s.purpose))].sort(compare.compare);
    return html`<div part="filters" class="filters" @input=${this.handleFilter} @change=${this.handleFilter}>
      <div>
        <label for="tc-sp-filter">${m.filter}</label>
        <input id="tc-sp-filter" name="filter" type="search" autocomplete="off" aria-describedby="tc-sp-filter-hint" .value=${live(this.filterText)} />
        <span class="hint" id="tc-sp-filter-hint">${m.filterHint}</span>
      </div>
      <div>
        <label for="tc-sp-location">${m.location}</label>
        <select id="tc-sp-location" name="location">
          <option value="" ?selected=${this.location === ''}>${m.allLocations}</option>
          ${locations.map((l) => html`<option value=${l} ?selected=${this.location === l}>${l}</option>`)}
        </select>
      </div>
      <div>
        <label for="tc-sp-purpose">${m.purpose}</label>
        <select id="tc-sp-purpose" name="purpose">
          <option value="" ?selected=${this.purpose === ''}>${m.allPurposes}</option>
          ${purposes.map((p) => html`<option value=${p} ?selected=${this.purpose === p}>${p}</option>`)}
        </select>
      </div>
    </div>`;
  }

  private renderRow(s: Subprocessor, base: string): TemplateResult {
    const c = this.messages.subprocessors.columns;
    const url = httpUrl(s.url, base);
    const label = (text: string) => html`<span class="cell-label" aria-hidden="true">${text}</span>`;
    return html`<tr part="row" role="row">
      <th scope="row" role="rowheader">${url ? html`<a href=${url} rel="noopener noreferrer">${s.name}</a>` : s.name}</th>
      <td role="cell">${label(c.purpose)}${s.purpose}</td>
      <td role="cell">${label(c.location)}${locationsOf(s).join(', ')}</td>
      <td role="cell">${label(c.data)}${s.data?.length ? s.data.join(', ') : html`<span class="none">—</span>`}</td>
    </tr>`;
  }

  override render() {
    const loaded = this.loaded;
    if (!loaded) return nothing;
    const { manifest } = loaded;
    const m = this.messages.subprocessors;
    const all = manifest.subprocessors ?? [];
    const rows = this.rows;
    const lang = this.language;
    const filtered = this.filterText !== '' || this.location !== '' || this.purpose !== '';
    return html`<section part="subprocessors" class="view" aria-labelledby="tc-sp-title">
      ${this.titleTemplate('tc-sp-title', m.heading)}
      <p class="intro">${m.intro(manifest.organization.name)}</p>
      ${manifest.subprocessorsUpdated !== undefined || manifest.subprocessorsNoticeDays !== undefined
        ? html`<p part="meta" class="meta">
            ${manifest.subprocessorsUpdated
              ? html`<span class="changed"
                  >${m.lastChanged} <time datetime=${manifest.subprocessorsUpdated}>${formatDate(manifest.subprocessorsUpdated, lang)}</time>.</span
                >`
              : nothing}
            ${manifest.subprocessorsNoticeDays !== undefined ? html`<span class="notice">${m.notice(manifest.subprocessorsNoticeDays)}</span>` : nothing}
          </p>`
        : nothing}
      ${this.renderFilters(all)}
      <p part="count" class="count" role="status">${m.showing(rows.length, all.length)}</p>
      ${rows.length
        ? html`<table part="table" role="table">
            <caption class="visually-hidden">${m.caption}</caption>
            <thead role="rowgroup">
              <tr role="row">
                ${this.renderHeader('name', m.columns.name)} ${this.renderHeader('purpose', m.columns.purpose)}
                ${this.renderHeader('location', m.columns.location)} ${this.renderHeader('data', m.columns.data)}
              </tr>
            </thead>
            <tbody role="rowgroup">
              ${rows.map((s) => this.renderRow(s, loaded.url))}
            </tbody>
          </table>`
        : html`<p>${m.none}</p>`}
      ${filtered ? html`<button part="clear" class="link" type="button" @click=${this.handleClear}>${m.clearFilters}</button>` : nothing}
    </section>`;
  }
}

defineView('trust-center-subprocessors', TrustCenterSubprocessorsElement);

declare global {
  interface HTMLElementTagNameMap {
    'trust-center-subprocessors': TrustCenterSubprocessorsElement;
  }
}
