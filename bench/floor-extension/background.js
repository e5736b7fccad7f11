// Answers the content script's one message, as a real background would.
chrome.runtime.onMessage.addListener((message, sender, reply) => {
  reply(null);
});
