/** strings shared by every area */
export const APP_NOME = 'Schede Obiettivi';
export const APP_DESCRIZIONE =
  'Legge le schede OBIETTIVO GESTIONALE, calcola RAGGIUNTO e %, controlla i pesi e crea nuove schede da modello.';
