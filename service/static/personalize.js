// Progressive enhancement of the Personalize form: switch versions without a reload.
// Without this script the form submits as a normal GET and the server does the same work.
(function () {
  "use strict";
  var form = document.querySelector("form[data-personalize]");
  if (!form || !window.fetch || !window.DOMParser || !window.history.pushState) return;

  function urlFor(data) {
    var url = new URL(form.action, window.location.href);
    data.forEach(function (value, key) { url.searchParams.set(key, value); });
    return url;
  }

  function swap(url, push) {
    form.setAttribute("aria-busy", "true");
    return fetch(url.toString(), { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      })
      .then(function (text) {
        var page = new DOMParser().parseFromString(text, "text/html");
        var fresh = page.getElementById("rendition");
        var current = document.getElementById("rendition");
        if (!fresh || !current) throw new Error("no rendition in the page");
        current.replaceWith(document.importNode(fresh, true));
        var heading = page.querySelector("article.article h1");
        document.querySelector("article.article h1").textContent = heading ? heading.textContent : "";
        document.querySelector("article.article").dataset.audience =
          page.querySelector("article.article").dataset.audience;
        var ld = page.querySelector('script[type="application/ld+json"]');
        var oldLd = document.querySelector('script[type="application/ld+json"]');
        if (ld && oldLd) oldLd.textContent = ld.textContent;
        document.title = page.title;
        if (push) window.history.pushState({ medrender: true }, "", url.toString());
      })
      .catch(function () { window.location.assign(url.toString()); })
      .finally(function () { form.removeAttribute("aria-busy"); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    swap(urlFor(new FormData(form)), true);
  });
  form.addEventListener("change", function () {
    swap(urlFor(new FormData(form)), true);
  });
  window.addEventListener("popstate", function () {
    var url = new URL(window.location.href);
    var chosen = url.searchParams.get("for");
    if (chosen) {
      var radio = form.querySelector('input[name="for"][value="' + CSS.escape(chosen) + '"]');
      if (radio) radio.checked = true;
    }
    swap(url, false);
  });
}());
