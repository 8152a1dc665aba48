// Live reload for "site serve": reloads the page after a rebuild that
// changed it, swaps changed stylesheets in place, and shows build errors
// over the last good page. Served only by the development server.
(() => {
  "use strict";
  let started = 0;
  let overlay = null;

  // here is the file the server sent for this address.
  const here = () => {
    const p = decodeURI(location.pathname);
    return p.endsWith("/") ? p + "index.html" : p;
  };

  // words are the overlay's words in the translator's language, which
  // the server sends; these English ones are for an older server.
  const show = (errors, words) => {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
    if (!errors || errors.length === 0) return;
    overlay = document.createElement("div");
    overlay.id = "site-error-overlay";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
      "background:rgba(20,20,20,.94);color:#fff;font:15px/1.5 ui-monospace,monospace;padding:1.5em";
    const title = document.createElement("h2");
    title.style.cssText = "margin:0 0 .5em;color:#ff8a80;font:bold 18px/1.3 system-ui,sans-serif";
    title.textContent = words ? words.title : errors.length === 1 ? "The site has a problem" : `The site has ${errors.length} problems`;
    const note = document.createElement("p");
    note.style.cssText = "margin:0 0 1em;font:15px/1.4 system-ui,sans-serif";
    note.textContent = words ? words.note : "Fix the file and save it; this page updates by itself. Underneath is the last version that built.";
    const list = document.createElement("pre");
    list.style.cssText = "white-space:pre-wrap;margin:0";
    list.textContent = errors.map((e) =>
      (e.file ? e.file + (e.line ? ":" + e.line : "") + ": " : "") + e.message).join("\n\n");
    const close = document.createElement("button");
    close.type = "button";
    close.textContent = words ? words.hide : "Hide";
    close.style.cssText = "margin-top:1em;font:inherit";
    close.onclick = () => show([]);
    overlay.append(title, note, list, close);
    document.documentElement.append(overlay);
  };

  const swapCSS = (sheets) => {
    let swapped = 0;
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const path = new URL(link.href, location.href).pathname;
      const sheet = sheets.find((s) => s.old === path);
      if (!sheet) continue;
      link.integrity = sheet.integrity;
      link.href = sheet.new;
      swapped++;
    }
    return swapped > 0;
  };

  // The preview's own pages, such as the translator's workbench, are
  // made from the project as a whole: any rebuild may change them, even
  // one that changes no page of the site (a glossary edit). Each records
  // the rebuild it was made at, and reloads when the server's differs,
  // also when it was rebuilt while the page was loading.
  const own = location.pathname.startsWith("/_");
  const madeAt = document.querySelector('meta[name="site-rebuild"]');
  // A field of the workbench's desk with unsaved words is never thrown
  // away by a reload: the save finds any change on disk and shows both.
  const dirty = () => [...document.querySelectorAll("textarea")].some((t) => t.value !== t.defaultValue);

  const events = new EventSource("/_site/events");
  events.addEventListener("status", (e) => {
    const s = JSON.parse(e.data);
    if (started && s.started !== started) {
      if (!dirty()) location.reload(); // a new server: the page may be out of date
      return;
    }
    started = s.started;
    if (own && madeAt && String(s.rebuild) !== madeAt.content) {
      if (!dirty()) location.reload();
      return;
    }
    show(s.errors, s.words);
  });
  events.addEventListener("reload", (e) => {
    const r = JSON.parse(e.data);
    if (!own && (r.all || (r.paths || []).includes(here()))) location.reload();
  });
  events.addEventListener("css", (e) => {
    if (!swapCSS(JSON.parse(e.data).sheets)) location.reload();
  });
  addEventListener("pagehide", () => events.close());
})();
