/* Search with Pagefind, loaded on use: nothing below fetches anything until the search box is
 * focused. Then Pagefind loads the index of the page's language and merges the site's other
 * languages, each searched with its own words; a query fetches only the parts of the index it
 * needs. Results are filled into the page's <template>: titles as text, excerpts as text with
 * Pagefind's <mark>s, rebuilt node by node so that no page text becomes markup.
 */
(function () {
  "use strict";

  var form = document.querySelector(".kd-search");
  if (!form) {
    return;
  }
  var input = form.querySelector(".kd-search__input");
  var panel = form.querySelector(".kd-search__results");
  var status = form.querySelector(".kd-search__status");
  var list = form.querySelector(".kd-search__list");
  var template = form.querySelector(".kd-search__template");
  var bundle = new URL(form.getAttribute("data-kd-bundle"), document.baseURI);
  var root = new URL(form.getAttribute("data-kd-root"), document.baseURI);
  var language = form.getAttribute("data-kd-language");
  // Each result shown fetches its page's fragment: five keep a query's cost small.
  var SHOWN = 5;
  var loading = null;
  var asked = 0;
  var timer = null;

  function label(name, count) {
    return form.getAttribute("data-kd-label-" + name).replace("{count}", String(count));
  }

  function load() {
    if (loading) {
      return loading;
    }
    loading = fetch(new URL("pagefind-entry.json", bundle)).then(function (response) {
      return response.json();
    }).then(function (entry) {
      var languages = Object.keys(entry.languages);
      var primary = languages.indexOf(language) >= 0 ? language : languages.sort(function (a, b) {
        return entry.languages[b].page_count - entry.languages[a].page_count;
      })[0];
      return import(new URL("pagefind.js", bundle).href).then(function (pagefind) {
        // The primary index by path, the merged ones by full address: Pagefind skips merging
        // an index whose address starts like the primary's. No web worker: it would be one
        // more script to fetch, and a query's work is small.
        var options = { basePath: bundle.pathname, language: primary, noWorker: true };
        return pagefind.options(options).then(function () {
          return Promise.all(languages.filter(function (other) {
            return other !== primary;
          }).map(function (other) {
            return pagefind.mergeIndex(bundle.href, { language: other, noWorker: true });
          }));
        }).then(function () {
          return pagefind;
        });
      });
    });
    return loading;
  }

  function address(url) {
    // Pagefind gives addresses from the site's root; the site may live in a folder.
    var path = /^https?:/.test(url) ? new URL(url).pathname : url;
    return new URL(path.replace(/^\//, ""), root).href;
  }

  // The excerpt as text with Pagefind's <mark>s and nothing else: parsed in an inert template
  // (nothing in it loads or runs), then rebuilt from its text, whatever the page text held.
  function excerpt(target, html) {
    var parsed = document.createElement("template");
    parsed.innerHTML = html;
    target.replaceChildren();
    parsed.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        target.appendChild(mark);
      } else {
        target.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

  function show(results, total) {
    list.replaceChildren();
    results.forEach(function (result) {
      var item = template.content.firstElementChild.cloneNode(true);
      item.querySelector(".kd-search__link").href = address(result.url);
      item.querySelector(".kd-search__title").textContent = result.meta.title || result.url;
      excerpt(item.querySelector(".kd-search__excerpt"), result.excerpt);
      list.appendChild(item);
    });
    status.textContent = total === 0 ? label("none", 0) : label(total === 1 ? "one" : "other", total);
  }

  function search() {
    var query = input.value.trim();
    var number = ++asked;
    if (!query) {
      panel.hidden = true;
      return;
    }
    load().then(function (pagefind) {
      return pagefind.search(query);
    }).then(function (found) {
      return Promise.all(found.results.slice(0, SHOWN).map(function (result) {
        return result.data();
      })).then(function (data) {
        if (number === asked) {
          show(data, found.results.length);
          panel.hidden = false;
        }
      });
    }).catch(function () {
      if (number === asked) {
        list.replaceChildren();
        status.textContent = label("failed", 0);
        panel.hidden = false;
      }
    });
  }

  input.addEventListener("focus", function () {
    load().catch(function () {});
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    search();
  });
  form.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      panel.hidden = true;
      input.blur();
    }
  });
  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) {
      panel.hidden = true;
    }
  });
})();
