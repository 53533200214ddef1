/**
 * The task pane: five tabs over the workbook. Talks only to the core and to the port.
 */
import { lazy, Suspense, useRef, useState } from 'react';
import {
  Button,
  FluentProvider,
  makeStyles,
  Field,
  ProgressBar,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons';
import { UI } from '../domain/testi/ui';
import type { WorkbookPort } from '../workbook/port';
import { ErrorBar } from './ErrorBar';
import { useWorkbook } from './useWorkbook';
import { KeptContext } from './kept';
import { Panoramica } from './tabs/Panoramica';
import { Controlli } from './tabs/Controlli';

const Rilevazioni = lazy(() => import('./tabs/Rilevazioni'));
const Calcola = lazy(() => import('./tabs/Calcola'));
const NuovaScheda = lazy(() => import('./tabs/NuovaScheda'));

export type TabId = 'panoramica' | 'controlli' | 'rilevazioni' | 'calcola' | 'nuova';
const TABS: TabId[] = ['panoramica', 'controlli', 'rilevazioni', 'calcola', 'nuova'];
/** the tab panel's id; each tab's id is `${PANEL_ID}-${tab}` */
const PANEL_ID = 'schede-obiettivi-pannello';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100vh',
    minWidth: '280px',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    boxSizing: 'border-box',
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
  },
  tabs: { flexWrap: 'wrap', padding: `0 ${tokens.spacingHorizontalXS}` },
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface AppProps {
  port: WorkbookPort;
  /** Office's theme is dark */
  dark?: boolean;
  initialTab?: TabId;
}

export function App({ port, dark = false, initialTab = 'panoramica' }: AppProps) {
  const styles = useStyles();
  const wb = useWorkbook(port);
  const [tab, setTab] = useState<TabId>(initialTab);
  // what the tabs keep across tab switches (results, outcome messages), by keys named after the tab: a change to the
  // workbook drops it all, except what the tab that wrote it keeps about its own write (Calcola's results)
  const kept = useRef(new Map<string, unknown>()).current;
  const seenRevision = useRef(wb.revision);
  if (seenRevision.current !== wb.revision) {
    seenRevision.current = wb.revision;
    for (const k of [...kept.keys()]) if (!(wb.ownChange && k.startsWith(`${tab}.`))) kept.delete(k);
  }

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang="it">
      {/* layout styles on an inner element: FluentProvider copies its className to portals (dialogs, listboxes) */}
      <div className={styles.root}>
      <header className={styles.header}>
        <Text as="h1" weight="semibold" size={400}>
          {UI.titolo}
        </Text>
        <Button
          appearance="subtle"
          icon={wb.loading ? <Spinner size="extra-tiny" /> : <ArrowClockwise20Regular />}
          // named by its visible text (WCAG 2.5.3); the tooltip says what it does
          title={UI.aggiornaAria}
          onClick={() => void wb.refresh()}
          data-testid="aggiorna"
        >
          {UI.aggiorna}
        </Button>
      </header>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as TabId)}
        aria-label={UI.titolo}
      >
        {TABS.map((t) => (
          <Tab key={t} value={t} id={`${PANEL_ID}-${t}`} aria-controls={t === tab ? PANEL_ID : undefined} data-testid={`tab-${t}`}>
            {UI.tabs[t]}
          </Tab>
        ))}
      </TabList>
      <main className={styles.body}>
        <ErrorBar error={wb.error} onDismiss={wb.clearError} />
        {wb.lettura !== null && (
          <Field validationMessage={UI.lettura(Math.round(wb.lettura * 100))} validationState="none" data-testid="lettura">
            <ProgressBar value={wb.lettura} thickness="large" />
          </Field>
        )}
        {/* the panel is named by the selected tab (a <main> cannot take role="tabpanel") */}
        <div className={styles.panel} role="tabpanel" id={PANEL_ID} aria-labelledby={`${PANEL_ID}-${tab}`}>
          <KeptContext.Provider value={kept}>
          <Suspense fallback={<Spinner size="small" label={UI.caricamento} />}>
            {tab === 'panoramica' && <Panoramica wb={wb} port={port} />}
            {tab === 'controlli' && <Controlli wb={wb} port={port} />}
            {tab === 'rilevazioni' && <Rilevazioni wb={wb} port={port} />}
            {tab === 'calcola' && <Calcola wb={wb} port={port} />}
            {tab === 'nuova' && <NuovaScheda wb={wb} port={port} />}
          </Suspense>
          </KeptContext.Provider>
        </div>
      </main>
      </div>
    </FluentProvider>
  );
}

export default App;
