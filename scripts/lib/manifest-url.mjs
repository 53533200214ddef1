// Riscrittura degli indirizzi del manifesto: lo sviluppo usa https://localhost:3443/, la produzione ADDIN_URL.
export const DEV_BASE_URL = 'https://localhost:3443/';

/** normalizza l'indirizzo di produzione (https, con la barra finale); errore in italiano se non valido */
export function normalizeBaseUrl(raw) {
  const text = (raw ?? '').trim() || DEV_BASE_URL;
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`ADDIN_URL non è un indirizzo valido: "${text}" (esempio: https://server.comune.it/schede/)`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`ADDIN_URL deve iniziare con https:// (Excel carica solo pagine sicure): "${text}"`);
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

const escapeXml = (s) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** il manifesto con ogni indirizzo di sviluppo sostituito dall'indirizzo base indicato */
export function rewriteManifest(xml, baseUrl) {
  const base = normalizeBaseUrl(baseUrl);
  const origin = new URL(base).origin;
  const devOrigin = new URL(DEV_BASE_URL).origin;
  return xml
    .split(DEV_BASE_URL).join(escapeXml(base))
    .split(`<AppDomain>${devOrigin}</AppDomain>`).join(`<AppDomain>${escapeXml(origin)}</AppDomain>`);
}
