// Stub di office.js per i test nel browser: Office "presente" ma fuori da Excel (host null),
// così il pannello si avvia come in un browser qualsiasi. Niente rete.
(function () {
  var info = { host: null, platform: null };
  window.__officeStub = true;
  window.Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
    context: {
      requirements: { isSetSupported: function () { return false; } },
      diagnostics: null,
      displayLanguage: 'it-IT',
    },
    onReady: function (cb) {
      if (typeof cb === 'function') setTimeout(function () { cb(info); }, 0);
      return Promise.resolve(info);
    },
    initialize: function () {},
  };
})();
