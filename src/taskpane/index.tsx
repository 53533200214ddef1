/**
 * Task pane entry: inside Excel → the Office.js back end; anywhere else → a message with a link to the preview.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, Link, makeStyles, Text, tokens, webLightTheme } from '@fluentui/react-components';
import { UI } from '../domain/testi/ui';
import { createOfficeWorkbook, isOfficeAvailable, officeReadyInExcel, officeThemeIsDark } from '../workbook/office';
import { App } from './App';
import { describeError } from './ErrorBar';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, minHeight: '100vh', boxSizing: 'border-box' },
});

function Outside({ detail }: { detail?: string }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} lang="it">
      <main className={styles.box} data-testid="fuori-excel">
        <Text as="h1" size={500} weight="semibold">
          {UI.fuoriExcel.titolo}
        </Text>
        <Text>{UI.fuoriExcel.testo}</Text>
        {detail && <Text>{detail}</Text>}
        <Link href="./index.html">{UI.fuoriExcel.link}</Link>
      </main>
    </FluentProvider>
  );
}

async function start() {
  let el = document.getElementById('root');
  if (!el) {
    el = document.createElement('div');
    el.id = 'root';
    document.body.appendChild(el);
  }
  document.documentElement.lang = 'it';
  const root = createRoot(el);
  if (!isOfficeAvailable()) {
    root.render(<Outside />);
    return;
  }
  if (!(await officeReadyInExcel())) {
    root.render(<Outside />);
    return;
  }
  try {
    const port = await createOfficeWorkbook();
    root.render(<App port={port} dark={officeThemeIsDark()} />);
  } catch (e) {
    const { message, todo } = describeError(e);
    root.render(<Outside detail={`${message} ${todo}`} />);
  }
}

void start();
