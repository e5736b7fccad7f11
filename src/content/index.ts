// Content script entry: filled in by the page-reading issue.
document.documentElement.setAttribute('data-promo-code-doctor', 'ready');
