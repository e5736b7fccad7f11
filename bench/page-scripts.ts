/**
 * Code the benchmark runs inside pages. Kept as plain JavaScript source text on purpose: functions handed
 * to `page.evaluate` are serialised with `toString()`, and tsx's transform can add helpers (`__name`) that
 * do not exist in the page.
 */

/** Every page: record long tasks (> 50 ms) from navigation on; in the popup, when the ready marker appears. */
export function initScript(popupReadySelector: string): string {
  return `(() => {
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {}
  if (location.protocol !== 'chrome-extension:') return;
  const selector = ${JSON.stringify(popupReadySelector)};
  const check = () => {
    if (window.__benchPopupReadyAt === undefined && document.querySelector(selector)) {
      window.__benchPopupReadyAt = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;
}

/**
 * Paste `code` into the promo field the way a browser does (a cancelable paste event carrying the text,
 * then the inserted text and an input event unless a listener cancelled it) and resolve with the time
 * until the hint host is in <body> and visible.
 */
export function pasteToHintScript(args: {
  code: string;
  inputSelector: string;
  hostSelector: string;
  timeoutMs: number;
}): string {
  return `(async () => {
  const { code, inputSelector, hostSelector, timeoutMs } = ${JSON.stringify(args)};
  const input = document.querySelector(inputSelector);
  if (!input) return { error: 'no promo input ' + inputSelector };
  const isShown = () => {
    const host = document.querySelector(hostSelector);
    return host !== null && host.isConnected && host.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  const hadHost = document.querySelector(hostSelector) !== null;
  if (isShown()) return { error: 'hint already visible before the paste' };
  return await new Promise((resolve) => {
    let pastedAt = 0;
    const observer = new MutationObserver(() => {
      if (isShown()) {
        const ms = performance.now() - pastedAt;
        observer.disconnect();
        clearTimeout(timer);
        resolve({ ms, hadHost });
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve({ error: 'no visible ' + hostSelector + ' within ' + timeoutMs + ' ms', hadHost });
    }, timeoutMs);
    input.focus();
    // Marks the paste in a trace, when one is being recorded (the benchmark's attribution pass).
    console.timeStamp('bench:paste');
    pastedAt = performance.now();
    const data = new DataTransfer();
    data.setData('text/plain', code);
    const notCancelled = input.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }),
    );
    if (notCancelled) {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, code);
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste', data: code }));
    }
  });
})()`;
}

/**
 * 1,000 mutations spread evenly over one second, each in its own task (what a framework re-rendering the
 * cart does): price text, checkbox state, quantity value, and a loading node added then removed. Every
 * change is undone by a later one, so the cart ends as it started.
 */
export function mutationStormScript(args: { count: number; durationMs: number }): string {
  return `(async () => {
  const { count, durationMs } = ${JSON.stringify(args)};
  // Each line used gets every kind of change twice, so each change is undone and the cart ends as it began.
  const lines = Array.from(document.querySelectorAll('.cart-product')).slice(0, Math.floor(count / 8));
  if (lines.length === 0) return { error: 'no .cart-product lines' };
  const placeholders = new Map();
  const mutate = (i) => {
    const line = lines[(i >> 2) % lines.length];
    switch (i % 4) {
      case 0: {
        const price = line.querySelector('.cart-product-price-buynow span');
        if (price) price.textContent = price.textContent.endsWith(' ') ? price.textContent.trimEnd() : price.textContent + ' ';
        break;
      }
      case 1: {
        line.querySelector('.comet-v2-checkbox')?.classList.toggle('comet-v2-checkbox-loading');
        break;
      }
      case 2: {
        const qty = line.querySelector('.comet-v2-input-number-input');
        if (qty) qty.setAttribute('aria-busy', qty.getAttribute('aria-busy') === 'true' ? 'false' : 'true');
        break;
      }
      default: {
        const existing = placeholders.get(line);
        if (existing) {
          existing.remove();
          placeholders.delete(line);
        } else {
          const node = document.createElement('div');
          node.className = 'comet-v2-loading-wrap';
          line.appendChild(node);
          placeholders.set(line, node);
        }
      }
    }
  };
  const start = performance.now();
  let done = 0;
  let tasks = 0;
  await new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      tasks++;
      const due = Math.min(count, Math.floor(((performance.now() - start) / durationMs) * count) + 1);
      while (done < due) {
        mutate(done);
        done++;
      }
      if (done >= count) {
        channel.port1.close();
        resolve();
      } else channel.port2.postMessage(0);
    };
    channel.port2.postMessage(0);
  });
  return { mutations: done, elapsedMs: performance.now() - start, tasks };
})()`;
}
