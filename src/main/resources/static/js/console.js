// Sends the CSRF token with every state-changing htmx request (the token is in the layout's meta tags).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header && event.detail.verb !== 'get') {
    event.detail.headers[header.content] = token.content;
  }
});

// The live preview answers 400 when some values could not be read; its panel then says which, so it is swapped in
// like any other answer (htmx swaps no error response by default).
document.addEventListener('htmx:beforeSwap', function (event) {
  if (event.detail.xhr.status === 400 && event.detail.target && event.detail.target.id === 'preview') {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

// Whether the live preview shows the form's latest values: the step form carries data-preview="pending" from a change
// until the preview asked for after it has settled, then "idle" (browser tests wait for it before screenshots).
(function () {
  var changes = 0;
  var requested = -1;

  function stepForm() {
    var form = document.getElementById('step-form');
    return (form && form.hasAttribute('hx-post')) ? form : null;
  }

  function settled(event) {
    var form = stepForm();
    var config = event.detail && event.detail.requestConfig;
    if (form && config && config.elt === form && requested === changes) {
      form.dataset.preview = 'idle';
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = stepForm();
    if (form) {
      form.dataset.preview = 'idle';
    }
  });
  document.addEventListener('change', function (event) {
    var form = stepForm();
    if (form && form.contains(event.target)) {
      changes++;
      form.dataset.preview = 'pending';
    }
  });
  document.addEventListener('htmx:beforeRequest', function (event) {
    if (event.detail.elt === stepForm()) {
      requested = changes;
    }
  });
  document.addEventListener('htmx:afterSettle', settled);
  document.addEventListener('htmx:afterRequest', function (event) {
    if (!event.detail.successful) {
      settled(event);
    }
  });
})();

// Wizard pages work without JavaScript: every optional part is shown, with a note (data-without-js) saying when it
// counts. With JavaScript, an element with data-shown-with="<checkbox id>" is shown only while that checkbox is
// ticked, and the "applies to" sentences say "none" when none of their names is shown.
(function () {
  function refresh() {
    document.querySelectorAll('[data-shown-with]').forEach(function (element) {
      var checkbox = document.getElementById(element.getAttribute('data-shown-with'));
      if (checkbox) {
        element.hidden = !checkbox.checked;
      }
    });
    document.querySelectorAll('.applies-to').forEach(function (sentence) {
      var any = sentence.querySelector('.applies-to-list > :not([hidden])') !== null;
      sentence.querySelector('.applies-to-some').hidden = !any;
      sentence.querySelector('.applies-to-none').hidden = any;
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!document.querySelector('[data-shown-with]')) {
      return;
    }
    document.querySelectorAll('[data-without-js]').forEach(function (note) {
      note.hidden = true;
    });
    refresh();
    document.addEventListener('change', function (event) {
      if (event.target.matches('input[type="checkbox"]')) {
        refresh();
      }
    });
  });
})();

// Search boxes of pickers: <input data-filter="ID"> hides the entries (data-filter-text, lower case) of the element
// #ID that do not contain what is typed, and the groups (data-filter-group) left without a visible entry. Without
// JavaScript every entry stays visible.
document.addEventListener('input', function (event) {
  var list = event.target.dataset.filter && document.getElementById(event.target.dataset.filter);
  if (!list) {
    return;
  }
  var text = event.target.value.trim().toLowerCase();
  list.querySelectorAll('[data-filter-text]').forEach(function (entry) {
    entry.hidden = entry.dataset.filterText.indexOf(text) < 0;
  });
  list.querySelectorAll('[data-filter-group]').forEach(function (group) {
    group.hidden = !group.querySelector('[data-filter-text]:not([hidden])');
    // A folded group (<details>) opens while the search finds something in it, and folds again when the search is
    // emptied, unless one of its models is ticked.
    if (group.tagName === 'DETAILS') {
      group.open = (text !== '' && !group.hidden) || group.querySelector('input:checked') !== null;
    }
  });
});

// Long documents are not written into the page twice: a <pre data-src="url"> is filled with the text at its URL
// when its <details> opens, or when a Copy button needs its text. Its fallback link (.fetched-fallback, for pages
// read without JavaScript) goes once the text is there. Returns a promise of the text.
function fetchedText(pre) {
  if (!pre.dataset.src || pre.dataset.fetched === 'true') {
    return Promise.resolve(pre.textContent);
  }
  return fetch(pre.dataset.src, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error(response.status + ' ' + response.statusText);
      }
      return response.text();
    })
    .then(function (text) {
      pre.textContent = text;
      pre.dataset.fetched = 'true';
      var fallback = pre.parentElement.querySelector('.fetched-fallback');
      if (fallback) {
        fallback.remove();
      }
      return text;
    }, function (error) {
      pre.textContent = 'The document could not be loaded (' + error.message + '): use Download.';
      throw error;
    });
}

// The toggle event of <details> does not bubble: it is caught on its way down.
document.addEventListener('toggle', function (event) {
  var details = event.target;
  if (details.tagName === 'DETAILS' && details.open) {
    details.querySelectorAll(':scope > pre[data-src]').forEach(function (pre) {
      fetchedText(pre).catch(function () {});
    });
  }
}, true);

// Copy buttons ([data-copy-target] names the element whose text is copied) stay hidden unless the browser offers the
// Clipboard API; without JavaScript the Download link remains.
if (navigator.clipboard) {
  document.querySelectorAll('[data-copy-target]').forEach(function (button) {
    button.hidden = false;
  });
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy-target]');
    var source = button && document.getElementById(button.dataset.copyTarget);
    if (!source) {
      return;
    }
    fetchedText(source).then(function (text) {
      return navigator.clipboard.writeText(text);
    }).then(function () {
      var label = button.textContent;
      button.textContent = 'Copied';
      setTimeout(function () { button.textContent = label; }, 1500);
    }).catch(function () {});
  });
}

// Leaving a changed step: once a field of an editable step form has changed, a link that leaves the page (navigation
// bar, step list, breadcrumb) asks first, and so does the browser for anything else (closing, reloading, Back).
// Submitting the form itself (Next, Back, Save, a step of the list) saves and does not ask. Without JavaScript nothing
// asks, and the form works as before.
(function () {
  var message = 'This step has changes that are not saved. Leave without saving them? (Next, Back and Save keep them.)';
  var dirty = false;
  var leaving = false;

  function stepForm() {
    var form = document.getElementById('step-form');
    return (form && form.hasAttribute('hx-post')) ? form : null;
  }

  function changed(event) {
    var form = stepForm();
    var field = event.target;
    if (form && field.name && (form.contains(field) || field.form === form)) {
      dirty = true;
    }
  }

  document.addEventListener('input', changed);
  document.addEventListener('change', changed);
  document.addEventListener('submit', function (event) {
    if (event.target === stepForm()) {
      leaving = true;
    }
  });
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[href]');
    if (!dirty || leaving || !link || event.defaultPrevented || link.hasAttribute('download')
        || link.getAttribute('href').charAt(0) === '#' || link.target === '_blank') {
      return;
    }
    if (window.confirm(message)) {
      leaving = true;
    }
    else {
      event.preventDefault();
    }
  });
  window.addEventListener('beforeunload', function (event) {
    if (dirty && !leaving) {
      event.preventDefault();
      event.returnValue = message;
    }
  });
})();

// Rows added or removed in place (fragments/rows.html): htmx swaps the list, then the focus goes to the new row, or
// after a removal to the list's first field or its Add button.
document.addEventListener('htmx:afterSwap', function (event) {
  var elt = event.detail.requestConfig && event.detail.requestConfig.elt;
  // The buttons inherit hx-select from their list (the fieldset, detached by now but still their ancestor).
  var owner = elt && elt.closest && elt.closest('[hx-select]');
  var select = owner && owner.getAttribute('hx-select');
  var match = select && /^\[id="(.*)"\]$/.exec(select);
  var list = match && document.getElementById(match[1]);
  if (!list || !list.classList.contains('value-rows')) {
    return;
  }
  var inputs = list.querySelectorAll('input[type="text"]');
  var target = elt.classList.contains('add-row') ? inputs[inputs.length - 1]
    : (inputs[0] || list.querySelector('.add-row'));
  if (target) {
    target.focus();
  }
});

// "Go back" buttons of the error pages ([data-history-back]): shown when there is a page to go back to.
document.querySelectorAll('[data-history-back]').forEach(function (button) {
  if (window.history.length > 1) {
    button.hidden = false;
  }
  button.addEventListener('click', function () {
    window.history.back();
  });
});

// Forms that ask before they are sent ([data-confirm] holds the question), such as Delete in My drafts.
document.addEventListener('submit', function (event) {
  var question = event.target.getAttribute && event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// A link to an element inside a folded group (<details>) opens the group, so that the element is shown.
function openFoldedAncestors(element) {
  for (var e = element; e; e = e.parentElement) {
    if (e.tagName === 'DETAILS') {
      e.open = true;
    }
  }
}
document.addEventListener('click', function (event) {
  var link = event.target.closest && event.target.closest('a[href^="#"]');
  var target = link && link.getAttribute('href').length > 1 && document.getElementById(link.getAttribute('href').slice(1));
  if (target) {
    openFoldedAncestors(target);
  }
});
if (location.hash.length > 1) {
  openFoldedAncestors(document.getElementById(decodeURIComponent(location.hash.slice(1))));
}

// Keyboard access to scrolling JSON: a .policy-json block taller than its box (it scrolls) joins the Tab order, so
// that it can be scrolled without a mouse; checked again when a folded group opens or htmx swaps a part in.
function focusableScrollers() {
  document.querySelectorAll('.policy-json').forEach(function (block) {
    if (block.scrollHeight > block.clientHeight + 1 && !block.hasAttribute('tabindex')) {
      block.tabIndex = 0;
    }
  });
}
focusableScrollers();
document.addEventListener('toggle', focusableScrollers, true);
document.addEventListener('htmx:afterSettle', focusableScrollers);
