// `npm start`: un solo server di sviluppo (webpack-dev-server) raggiungibile su due indirizzi:
//   http://localhost:3000   l'anteprima (il pannello accanto alla cartella di esempio), da aprire nel browser;
//   https://localhost:3443  la stessa app con il certificato autofirmato del dev server, per caricare il
//                           componente aggiuntivo in Excel (manifest.xml punta qui).
// Ctrl-C ferma entrambi.
import http from 'node:http';
import webpack from 'webpack';
import WebpackDevServer from 'webpack-dev-server';
import makeConfig, { DEV_PORT } from '../webpack.config.js';

export const HTTPS_PORT = 3443;

const config = makeConfig({}, { mode: 'development' });
const compiler = webpack(config);
const devServer = new WebpackDevServer(
  {
    ...config.devServer,
    port: HTTPS_PORT,
    server: 'https', // certificato autofirmato generato e conservato dal dev server
    setupExitSignals: false,
  },
  compiler,
);

function fail(message) {
  console.error(`\n✗ ${message}`);
  process.exit(1);
}

let firstBuild = true;
compiler.hooks.done.tap('schede-start', (stats) => {
  if (stats.hasErrors()) {
    console.error('\n✗ La compilazione ha errori (vedi sopra): correggi il codice, la pagina si ricarica da sola.');
    return;
  }
  if (!firstBuild) return;
  firstBuild = false;
  console.log(`
Schede Obiettivi è pronto.

  Anteprima (apri nel browser):      http://localhost:${DEV_PORT}/
  Solo il pannello:                  http://localhost:${DEV_PORT}/taskpane.html
  Per Excel (HTTPS, manifest.xml):   https://localhost:${HTTPS_PORT}/taskpane.html

Il certificato HTTPS è autofirmato: aprite una volta https://localhost:${HTTPS_PORT}/ nel browser
e accettatelo, poi caricate manifest.xml in Excel (istruzioni nel README).
Premete Ctrl-C per fermare.
`);
});

try {
  await devServer.start();
} catch (err) {
  if (err?.code === 'EADDRINUSE') fail(`La porta ${HTTPS_PORT} è già in uso: chiudete l'altro programma o l'altro "npm start".`);
  fail(`Impossibile avviare il server di sviluppo: ${err?.message ?? err}`);
}

// la stessa app in HTTP sulla porta 3000, compresi gli aggiornamenti automatici (websocket)
const plain = http.createServer(devServer.app);
plain.on('upgrade', (req, socket, head) => devServer.server.emit('upgrade', req, socket, head));
plain.on('error', (err) => {
  if (err.code === 'EADDRINUSE') fail(`La porta ${DEV_PORT} è già in uso: chiudete l'altro programma o l'altro "npm start".`);
  fail(`Errore del server HTTP: ${err.message}`);
});
plain.listen(DEV_PORT, 'localhost');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nArresto in corso…');
  plain.closeAllConnections?.();
  plain.close();
  await devServer.stop();
  console.log('Server fermato.');
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
