/* Search with Pagefind, loaded on use: nothing below fetches anything until the search box is
 * focused. Then Pagefind loads the index of the page's language and merges the site's other
 * languages, each searched with its own words and weighted so far down that results in the
 * page's language always come first; a query fetches only the parts of the index it needs. The
 * author guide is searched apart (its pages carry the filter part "guide") and shown after the
 * site's other results, or before them on the guide's own pages. Results are filled into the
 * page's <template>: titles as text, excerpts as text with <mark>s, made from the page's words.
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
  var apart = form.querySelector(".kd-search__apart");
  var apartList = form.querySelector(".kd-search__apart-list");
  var template = form.querySelector(".kd-search__template");
  var bundle = new URL(form.getAttribute("data-kd-bundle"), document.baseURI);
  var root = new URL(form.getAttribute("data-kd-root"), document.baseURI);
  var language = form.getAttribute("data-kd-language");
  // The part of the site this page is in ("site" or "guide"): its results come first.
  var part = form.getAttribute("data-kd-part");
  var otherPart = part === "guide" ? "site" : "guide";
  // Each result shown fetches its page's fragment: a few keep a query's cost small.
  var SHOWN = 5;
  var SHOWN_APART = 3;
  // Far below any score in the page's own language, so the other languages follow it.
  var ELSEWHERE = 1e-6;
  var SPACE = /[\r\n\s]+/g;
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
      // Pagefind's primary index is the one of <html lang>, which is the page's language.
      var own = languages.indexOf(language) >= 0 ? language : language.split("-")[0];
      var weight = languages.indexOf(own) >= 0 ? ELSEWHERE : 1;
      return import(new URL("pagefind.js", bundle).href).then(function (pagefind) {
        // Addresses from the host's root with the site's folder, wherever the site lives.
        // No web worker: one more script to fetch for a query's small work. noWorker is read
        // once, when Pagefind starts: given here, before it starts, and nowhere else.
        var options = { basePath: bundle.pathname, baseUrl: root.pathname, noWorker: true };
        // A large site is indexed in several runs, each a bundle of its own, listed in the
        // first one's entry with the languages each holds: every language of every part is
        // merged, the page's language at full weight.
        var merged = languages.filter(function (other) {
          return other !== own;
        }).map(function (other) {
          return { href: bundle.href, language: other, weight: weight };
        });
        (entry.kulturdialog_parts || []).forEach(function (part) {
          part.languages.forEach(function (other) {
            merged.push({
              href: new URL(part.path, bundle).href,
              language: other,
              weight: other === own ? 1 : weight
            });
          });
        });
        return pagefind.options(options).then(function () {
          // The merged indexes by full address: Pagefind skips merging an index whose address
          // starts like the primary's.
          return Promise.all(merged.map(function (index) {
            return pagefind.mergeIndex(index.href, {
              language: index.language,
              baseUrl: root.pathname,
              indexWeight: index.weight
            });
          }));
        }).then(function () {
          return pagefind;
        });
      });
    });
    return loading;
  }

  // Pagefind's excerpt is the page's words with < and > escaped and the matches in <mark>, but
  // with & as it was: a page text "&lt;b&gt;" and a page text "<b>" read the same there. So the
  // excerpt is made again from the page's text (decoded once, when the page was read), word for
  // word, marking the words Pagefind marked. Where the two cannot be lined up, the page's
  // words are shown without marks.
  function escaped(word) {
    return word.replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function excerptWords(data) {
    var shown = data.excerpt.split(SPACE);
    var words = data.content.split(SPACE);
    var marked = shown.map(function (word) {
      return /^<mark>[^]*<\/mark>$/.test(word);
    });
    var plain = shown.map(function (word, i) {
      return marked[i] ? word.slice("<mark>".length, -"</mark>".length) : word;
    });
    var first = marked.indexOf(true);
    var starts = (data.locations || []).map(function (at) {
      return at - Math.max(first, 0);
    }).concat([0]);
    for (var s = 0; s < starts.length; s++) {
      var start = starts[s];
      var fits = start >= 0 && plain.every(function (word, i) {
        return start + i < words.length && escaped(words[start + i]) === word;
      });
      if (fits) {
        return words.slice(start, start + plain.length).map(function (word, i) {
          return { text: word, marked: marked[i] };
        });
      }
    }
    return [{ text: words.slice(0, plain.length).join(" "), marked: false }];
  }

  function excerpt(target, data) {
    target.replaceChildren();
    excerptWords(data).forEach(function (word, i) {
      if (i > 0) {
        target.appendChild(document.createTextNode(" "));
      }
      if (word.marked) {
        var mark = document.createElement("mark");
        mark.textContent = word.text;
        target.appendChild(mark);
      } else {
        target.appendChild(document.createTextNode(word.text));
      }
    });
  }

  function fill(into, results) {
    into.replaceChildren();
    results.forEach(function (result) {
      var item = template.content.firstElementChild.cloneNode(true);
      // Pagefind's addresses start at the host's root and hold the site's folder (baseUrl).
      item.querySelector(".kd-search__link").href = new URL(result.url, document.baseURI).href;
      item.querySelector(".kd-search__title").textContent = result.meta.title || result.url;
      excerpt(item.querySelector(".kd-search__excerpt"), result);
      into.appendChild(item);
    });
  }

  // Only the guide's pages carry the filter: the rest of the site is what is not the guide.
  function filters(where) {
    return where === "guide" ? { part: "guide" } : { not: { part: "guide" } };
  }

  function found(pagefind, query, where, count) {
    return pagefind.search(query, { filters: filters(where) }).then(function (result) {
      return Promise.all(result.results.slice(0, count).map(function (each) {
        return each.data();
      })).then(function (data) {
        return { data: data, total: result.results.length };
      });
    });
  }

  function show(own, other) {
    var total = own.total + other.total;
    fill(list, own.data);
    fill(apartList, other.data);
    apart.hidden = other.data.length === 0;
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
      return Promise.all([
        found(pagefind, query, part, SHOWN),
        found(pagefind, query, otherPart, SHOWN_APART)
      ]);
    }).then(function (both) {
      if (number === asked) {
        show(both[0], both[1]);
        panel.hidden = false;
      }
    }).catch(function () {
      if (number === asked) {
        list.replaceChildren();
        apart.hidden = true;
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
