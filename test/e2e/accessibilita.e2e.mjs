// Accessibility: axe-core (WCAG 2.0/2.1 A and AA) on every tab of the task pane, in the light and in the dark
// theme, and on the preview page's own toolbar, grid and sheet tabs. No 'serious' or 'critical' violation may
// remain; the moderate and minor ones are printed.
import { createRequire } from 'node:module';
import { assert, openPreview, openTab, sheetTabs, until } from './_pannello.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

export const name = 'accessibilità: axe-core sulle cinque schede del pannello (chiaro e scuro) e sull\'anteprima';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Single rules excluded for single selectors, where the markup comes from inside a Fluent UI component and
 * cannot be changed through its props. Each entry: [rule id, CSS selector, why].
 */
const EXCLUDED = [
  [
    'aria-hidden-focus',
    'i[data-tabster-dummy]',
    // Tabster (Fluent's keyboard navigation, used by TabList for arrow keys) puts invisible <i tabindex="0"
    // aria-hidden="true"> sentinels around its groups on purpose: they catch Tab and move the focus to the right
    // element, never keep it. No TabList prop removes them.
  ],
];

/** axe on one element: its violations (minus the excluded nodes), how many rules passed, how many nodes were excluded */
async function axeOn(page, selector) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  return page.evaluate(
    async ({ selector, tags, excluded }) => {
      const res = await window.axe.run(document.querySelector(selector), { runOnly: tags, resultTypes: ['violations'] });
      let skipped = 0;
      const violations = res.violations
        .map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes
            .filter((n) => {
              const skip = excluded.some(([id, sel]) => id === v.id && document.querySelector(n.target.join(' '))?.matches(sel));
              if (skip) skipped++;
              return !skip;
            })
            .map((n) => ({ target: n.target.join(' '), impact: n.impact, summary: n.failureSummary?.split('\n').slice(0, 3).join(' ') })),
        }))
        .filter((v) => v.nodes.length > 0);
      return { violations, passed: res.passes.length, skipped };
    },
    { selector, tags: TAGS, excluded: EXCLUDED.map(([id, sel]) => [id, sel]) },
  );
}

/** the pane and its portals (open listboxes, popovers) */
const PANE = '[data-testid="pane"]';

export async function run({ page, baseUrl }) {
  const report = [];
  const checked = [];
  const check = async (where, selector = PANE) => {
    // Fluent's tab/panel transitions: let the colours settle before measuring contrast
    await page.waitForTimeout(250);
    const { violations, passed, skipped } = await axeOn(page, selector);
    assert(passed > 5, `${where}: axe ha verificato solo ${passed} regole`);
    checked.push(`${where} (${passed} regole superate${skipped ? `, ${skipped} nodi esclusi` : ''})`);
    for (const v of violations) report.push({ where, ...v });
  };

  for (const tema of ['chiaro', 'scuro']) {
    const pane = await openPreview(page, baseUrl, tema === 'scuro' ? '?tema=scuro' : '');
    await check(`${tema}/panoramica`);
    await openTab(page, 'controlli');
    await pane.locator('[role="tabpanel"] section').first().waitFor();
    await check(`${tema}/controlli`);

    await openTab(page, 'rilevazioni');
    await pane.getByTestId('prepara').click();
    await until(async () => (await sheetTabs(page)).includes('Rilevazioni'), 'il foglio Rilevazioni non compare');
    await pane.getByTestId('esito-rilevazioni').waitFor();
    await pane.getByTestId('scelta-scheda').click();
    await page.getByRole('option', { name: /\(Trasparenza\)$/ }).click();
    await pane.locator('[data-testid="azione-form"]').first().waitFor();
    await check(`${tema}/rilevazioni`);
    if (tema === 'chiaro') {
      // what opens in portals, outside the pane: the card list and the calendar
      await pane.getByTestId('scelta-scheda').click();
      await page.getByRole('listbox').waitFor();
      await check('chiaro/rilevazioni: elenco schede', '[role="listbox"]');
      await page.keyboard.press('Escape');
      await pane.locator('[data-testid="azione-form"]').first().getByTestId('apri-calendario').click();
      await page.locator('.fui-CalendarDayGrid__dayButton').first().waitFor();
      await page.waitForTimeout(400); // the popover's fade-in
      await check('chiaro/rilevazioni: calendario', '.fui-PopoverSurface');
      await page.keyboard.press('Escape');
    }

    await openTab(page, 'calcola');
    await pane.getByTestId('scelta-anno').click();
    await page.getByRole('option', { name: '2024' }).click();
    await pane.getByTestId('calcola').click();
    await pane.getByTestId('esito-calcolo').waitFor();
    await check(`${tema}/calcola`);

    await openTab(page, 'nuova');
    await pane.getByTestId('nuova-titolo').waitFor();
    await check(`${tema}/nuova`);
    // a pasted list and the sheets it will make
    await pane.getByTestId('origine-testo').click();
    await pane.getByTestId('elenco-testo').fill('AREA POLIZIA LOCALE\n(Settore Vigilanza)\n- Controllo del territorio\n- Educazione stradale');
    await pane.getByTestId('anteprima-nuove').waitFor();
    await check(`${tema}/nuova: elenco incollato`);

    if (tema === 'chiaro') {
      await check('anteprima', '.book');
      // page-level rules too (lang, title, landmarks): the whole page once
      await check('pagina', 'html');
    }
  }

  // the pane opened outside Excel: the whole page (a new page: axe is injected again)
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`${baseUrl}/taskpane.html`);
  await page.getByTestId('fuori-excel').waitFor();
  await check('fuori da Excel', 'html');

  console.log(`  axe: ${checked.join('; ')}`);
  const serious = report.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = report.filter((v) => !serious.includes(v));
  const fmt = (v) =>
    `  [${v.impact}] ${v.where}: ${v.id} (${v.help})\n` +
    v.nodes.slice(0, 4).map((n) => `      ${n.target} — ${n.summary ?? ''}`).join('\n') +
    (v.nodes.length > 4 ? `\n      … e altri ${v.nodes.length - 4}` : '');
  if (minor.length) console.log(`  axe: violazioni moderate/minori (${minor.length}):\n${minor.map(fmt).join('\n')}`);
  else console.log('  axe: nessuna violazione moderata o minore');
  assert(serious.length === 0, `violazioni gravi/critiche (${serious.length}):\n${serious.map(fmt).join('\n')}`);
}
