import { Badge, Card, CardHeader, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { gradoConStato } from '../../domain/testi/calcolo';
import { sistemaDellaScheda } from '../../domain/sistemi';
import { NOMI_SISTEMI } from '../../domain/testi/sistemi';
import { UI } from '../../domain/testi/ui';
import type { WorkbookPort } from '../../workbook/port';
import { pct, summarize, visibleGrids, type CardSummary } from '../model';
import type { WorkbookView } from '../useWorkbook';

export const useTabStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyle: 'none' },
  card: { width: '100%', cursor: 'pointer' },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  small: { color: tokens.colorNeutralForeground3 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  /** a bordered box for one card's or one action's block (Calcola, Rilevazioni) */
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  /** a full-width subtle button whose text wraps and reads left-aligned (findings, conflicts) */
  textButton: {
    width: '100%',
    maxWidth: 'none',
    justifyContent: 'flex-start',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    whiteSpace: 'normal',
    minHeight: 'auto',
    padding: tokens.spacingVerticalXS,
  },
});

export interface TabProps {
  wb: WorkbookView;
  port: WorkbookPort;
}

function tipoLabel(t: CardSummary['tipo']): string {
  return t === 'comune' ? UI.panoramica.tipo.comune : t === 'individuale' ? UI.panoramica.tipo.individuale : UI.panoramica.tipo.nd;
}

export function SchedaCard({ c, onOpen }: { c: CardSummary & { sistema?: string }; onOpen(): void }) {
  const styles = useTabStyles();
  return (
    <Card
      className={styles.card}
      size="small"
      role="button"
      tabIndex={0}
      // the accessible name is the card's own text (WCAG 2.5.3, label in name); the hint is the description
      title={UI.panoramica.vaiAllaScheda(c.titolo)}
      focusMode="off"
      data-testid="scheda-card"
      onClick={onOpen}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen();
        }
      }}
    >
      <CardHeader
        header={<Text weight="semibold">{c.titolo}</Text>}
        description={
          <Text size={200} className={styles.small}>
            {c.sheet} · {c.dirigente ?? UI.panoramica.nessunDirigente}
          </Text>
        }
      />
      <div className={styles.section}>
      <div className={styles.meta}>
        <Badge appearance="outline" color="informative">
          {c.sistema ?? tipoLabel(c.tipo)}
        </Badge>
        {c.periodo && (
          <Text size={200} className={styles.small}>
            {UI.panoramica.periodo(c.periodo)}
          </Text>
        )}
      </div>
      {c.livelli.length > 0 && (
        <div className={styles.meta} data-testid="annualita">
          <Text size={200} className={styles.small}>
            {UI.panoramica.raggiungimento}
          </Text>
          {c.livelli.map((l, i) =>
            l.livello !== null ? (
              <Badge
                key={i}
                appearance={l.parziale || l.pesoTotaleErrato !== null ? 'tint' : 'filled'}
                color={l.parziale || l.pesoTotaleErrato !== null ? 'warning' : 'brand'}
                data-testid="livello"
                data-anno={l.anno ?? ''}
                data-parziale={l.parziale ? 'sì' : 'no'}
                title={UI.panoramica.livelloDettaglio(l.anno, gradoConStato(pct(l.livello), { ...l, azioni: l.totale }), l.rilevate, l.totale)}
              >
                {UI.panoramica.livello(l.anno ?? i + 1, pct(l.livello))}
                {l.parziale ? ` ${UI.panoramica.parziale}` : ''}
                {l.pesoTotaleErrato !== null ? ` ${UI.panoramica.pesiErrati}` : ''}
              </Badge>
            ) : (
              <Badge key={i} appearance="outline" color="informative" data-anno={l.anno ?? ''} title={UI.panoramica.nonCalcolato(l.anno ?? i + 1)}>
                {UI.panoramica.livello(l.anno ?? i + 1, UI.panoramica.trattino)}
              </Badge>
            ),
          )}
        </div>
      )}
      <div className={styles.meta}>
        {c.errori > 0 && (
          <Badge appearance="filled" color="danger">
            {UI.panoramica.errori(c.errori)}
          </Badge>
        )}
        {c.avvisi > 0 && (
          <Badge appearance="filled" color="warning">
            {UI.panoramica.avvisi(c.avvisi)}
          </Badge>
        )}
        {c.errori === 0 && c.avvisi === 0 && (
          <Badge appearance="tint" color="success">
            {UI.panoramica.nessunProblema}
          </Badge>
        )}
      </div>
      </div>
    </Card>
  );
}

export function Panoramica({ wb, port }: TabProps) {
  const styles = useTabStyles();
  // a fasi objective or a matrix card shows its system where a gestionale card shows COMUNE/INDIVIDUALE
  const cards = summarize(wb.schede, wb.findings).map((c, i) => {
    const sistema = sistemaDellaScheda(wb.schede[i]);
    return sistema !== 'gestionale' ? { ...c, sistema: NOMI_SISTEMI[sistema] } : c;
  });
  const cardSheets = new Set(cards.map((c) => c.sheet));
  const others = visibleGrids(wb.grids).filter((g) => !cardSheets.has(g.name));
  if (wb.loading && wb.grids.length === 0) return <Spinner size="small" label={UI.caricamento} />;
  return (
    <section className={styles.section} aria-label={UI.tabs.panoramica}>
      <Text size={200}>{UI.panoramica.intro}</Text>
      <Text weight="semibold" data-testid="conteggio-schede">
        {UI.schede(cards.length)} · {UI.fogli(visibleGrids(wb.grids).length)}
      </Text>
      {cards.length === 0 && <Text>{UI.nessunaScheda}</Text>}
      <ul className={styles.list}>
        {cards.map((c) => (
          <li key={c.key}>
            <SchedaCard c={c} onOpen={() => void wb.run(() => port.select(c.sheet, c.cell))} />
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <>
          <Text weight="semibold">{UI.panoramica.altriFogli}</Text>
          <Text size={200} className={styles.small} data-testid="altri-fogli">
            {others.map((g) => g.name).join(' · ')}
          </Text>
        </>
      )}
    </section>
  );
}
