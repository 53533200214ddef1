// Build del componente aggiuntivo: il pannello (taskpane.html, con office.js dalla CDN di Microsoft)
// e l'anteprima (index.html: il pannello accanto alla cartella di esempio, senza office.js).
// Solo per i test: pannello-finto.html, il VERO pannello sopra un Excel finto (src/preview/fakeOffice), per l'e2e
// dell'adattatore Office e il primo disegno del bench. È emessa sempre ma nessun manifesto la indica, e resta fuori
// da splitChunks: i file che taskpane.html carica non cambiano di un byte.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import { rewriteManifest, normalizeBaseUrl } from './scripts/lib/manifest-url.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const DEV_PORT = 3000;
/** la pagina di prova (mai nel manifesto) */
export const TEST_PAGE = 'pannello-finto';

const page = ({ title, officeJs }) => `<!doctype html>
<html lang="it">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    ${officeJs ? `<script src="${OFFICE_JS_URL}"></script>` : ''}
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

export default (env = {}, argv = {}) => {
  const mode = argv.mode ?? env.mode ?? 'production';
  const dev = mode === 'development';
  const baseUrl = normalizeBaseUrl(process.env.ADDIN_URL);
  // the fake-Excel test page is built only for tests and the bench, never into a Comune's deployment
  const testPage = env.paginaTest === true || process.env.SCHEDE_PAGINA_TEST === '1';

  return {
    mode,
    context: root,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      preview: './src/preview/index.tsx',
      ...(testPage ? { [TEST_PAGE]: './src/preview/fakeOffice/index.ts' } : {}),
    },
    output: {
      path: path.join(root, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      assetModuleFilename: 'assets/[name].[contenthash:8][ext]',
      publicPath: 'auto', // i chunk asincroni si caricano accanto alla pagina, qualunque sia il percorso base
      clean: true,
    },
    devtool: dev ? 'cheap-module-source-map' : false,
    resolve: {
      extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: dev } },
          },
        },
        { test: /\.(png|svg|jpe?g|gif|xlsx)$/i, type: 'asset/resource' },
      ],
    },
    optimization: {
      // la pagina di prova non partecipa alla divisione: niente blocchi condivisi nuovi per il pannello vero
      splitChunks: { chunks: (chunk) => chunk.name !== TEST_PAGE },
      runtimeChunk: false,
    },
    performance: { hints: false }, // la soglia è verificata da test/build/bundle-size.test.ts
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        templateContent: page({ title: 'Schede Obiettivi', officeJs: true }),
      }),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        chunks: ['preview'],
        templateContent: page({ title: 'Schede Obiettivi — anteprima', officeJs: false }),
      }),
      ...(testPage
        ? [
            new HtmlWebpackPlugin({
              filename: `${TEST_PAGE}.html`,
              chunks: [TEST_PAGE],
              templateContent: page({ title: 'Schede Obiettivi — pannello su Excel finto (solo test)', officeJs: false }),
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          // icone e altri file statici in dist/assets/ (gli indirizzi del manifesto puntano lì)
          { from: 'assets', to: 'assets', noErrorOnMissing: true, globOptions: { ignore: ['**/esempi/**'] } },
          // la cartella di esempio accanto alle pagine: l'anteprima la carica da esempi/…
          { from: 'assets/esempi', to: 'esempi', noErrorOnMissing: true },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => rewriteManifest(content.toString('utf8'), baseUrl),
          },
        ],
      }),
    ],
    devServer: {
      host: 'localhost',
      port: DEV_PORT,
      static: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      client: { overlay: { errors: true, warnings: false }, logging: 'warn' },
    },
    stats: dev ? 'errors-warnings' : 'normal',
    infrastructureLogging: { level: 'warn' },
  };
};
