/**
 * TEST-ONLY page `pannello-finto.html`: the fake Office/Excel globals first, then the REAL task pane entry,
 * unchanged (it waits for Office.onReady, calls createOfficeWorkbook and renders App, as inside Excel).
 * Not referenced by the manifest; see webpack.config.js and test/e2e/pannello-excel.e2e.mjs.
 */
import './globals';
import '../../taskpane/index';
