/*
 * Caseboard website chat: the embed script. Paste it on your site (it finds its own tag):
 *
 *   <script src="https://HOST/widget.js" data-tenant="w_xxx" async></script>
 *
 * It defines one global, window.Caseboard, a function that takes a command:
 *
 *   Caseboard("identify", { userId, email, name, issuedAt, signature }) // signed on your server (HMAC-SHA256
 *                                                                        // under the widget's secret)
 *   Caseboard("open");  Caseboard("close");  Caseboard("shutdown")       // shutdown: removes the widget
 *
 * The script loads async, so to call it before it has arrived, define the queue first; the script
 * replays window.Caseboard.q in order when it starts:
 *
 *   <script>window.Caseboard = window.Caseboard || function () { (Caseboard.q = Caseboard.q || []).push(arguments); };</script>
 *
 * A Content-Security-Policy on your site must allow HOST in script-src, connect-src and frame-src.
 *
 * How it works: it asks HOST for the widget's config (refused, e.g. when this site is not among the
 * widget's allowed websites, it warns in the console and shows nothing), then shows a launcher in a
 * Shadow DOM, so the page's CSS cannot reach it and its CSS cannot leak (open, not closed: closed
 * isolates no better and hides the launcher from the site's own browser tests and a11y checkers).
 * The chat itself is an iframe of HOST/widget/{id}, created on the first open (no visitor session,
 * cookie or storage before someone opens the chat). It talks to the iframe with postMessage, only to HOST and only
 * from that iframe:
 *   iframe → page  {type:"caseboard:ready"}            answered with identify + visibility
 *                  {type:"caseboard:unread", count}    the launcher's badge
 *                  {type:"caseboard:close"}            the chat's close button or Escape
 *   page → iframe  {type:"caseboard:identify", identity}  identity or null
 *                  {type:"caseboard:visibility", visible} so the chat marks messages read only when seen
 * The iframe's side is src/components/widget/parent-frame.ts. Plain ES2017, no dependencies.
 */
(function () {
  "use strict";
  var previous = window.Caseboard;
  if (previous && previous.loaded) return; // the tag is on the page twice

  var script = document.currentScript || document.querySelector('script[data-tenant][src*="/widget.js"]');
  if (!script) return;
  var widgetId = script.getAttribute("data-tenant") || "";
  // script.src is absolute (the browser resolves it); empty only for an inline copy, which has no HOST.
  if (!script.src) return;
  var host = new URL(script.src).origin;
  var warn = function (text) {
    console.warn("Caseboard chat: " + text);
  };
  if (!/^w_[A-Za-z0-9_-]{16,40}$/.test(widgetId)) return warn('data-tenant="' + widgetId + '" is not a widget id');

  var IDENTITY_FIELDS = ["userId", "email", "name", "issuedAt", "signature"];
  var CHAT_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z"/></svg>';
  var CLOSE_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"><path d="M6 6l12 12M18 6L6 18"/></svg>';
  var STYLE =
    ":host{all:initial}" +
    "button{position:fixed;right:20px;bottom:20px;z-index:2147483000;width:56px;height:56px;margin:0;padding:0;border:0;border-radius:50%;" +
    "display:flex;align-items:center;justify-content:center;cursor:pointer;background:var(--bg);color:var(--fg);box-shadow:0 4px 14px rgba(0,0,0,.28)}" +
    "button:focus-visible{outline:3px solid var(--bg);outline-offset:3px}" +
    "i{display:flex}svg{width:26px;height:26px}" +
    "span{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 5px;box-sizing:border-box;border-radius:10px;" +
    "background:#dc2626;color:#fff;font:600 12px/20px system-ui,sans-serif;text-align:center}" +
    "iframe{position:fixed;right:20px;bottom:88px;z-index:2147483000;width:380px;height:600px;max-width:calc(100vw - 40px);" +
    "max-height:calc(100vh - 108px);border:0;border-radius:12px;box-shadow:0 8px 32px rgba(0,0,0,.28);background:#fff}" +
    "[hidden]{display:none!important}" +
    "@media (max-width:480px){iframe{inset:0;width:100%;height:100%;max-width:none;max-height:none;border-radius:0}.open button{display:none}}";

  var identity = null;
  var config = null;
  var wantOpen = false;
  var isOpen = false;
  var frameReady = false;
  var unread = 0;
  var stopped = false;
  var hostElement, shell, launcher, badge, frame;

  // Only what the API takes: structured clone would refuse functions, and nothing else should travel.
  function pickIdentity(value) {
    if (!value || typeof value !== "object") return null;
    var picked = {};
    IDENTITY_FIELDS.forEach(function (key) {
      if (value[key] !== undefined) picked[key] = value[key];
    });
    return picked;
  }

  // Exactly HOST, never "*": the identity is for the chat's origin only.
  function post(message) {
    if (frame && frameReady && frame.contentWindow) frame.contentWindow.postMessage(message, host);
  }

  // Black or white text on the tenant's colour, whichever contrasts more (as the chat page does).
  function textOn(hex) {
    var lum = [1, 3, 5].map(function (i) {
      var c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    var l = 0.2126 * lum[0] + 0.7152 * lum[1] + 0.0722 * lum[2];
    return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? "#0f172a" : "#ffffff";
  }

  function render() {
    if (!launcher) return;
    var name = config.name || "us";
    var label = isOpen ? "Close chat" : "Chat with " + name + (unread ? ", " + unread + " unread" : "");
    launcher.setAttribute("aria-label", label);
    launcher.setAttribute("aria-expanded", String(isOpen));
    launcher.firstChild.innerHTML = isOpen ? CLOSE_ICON : CHAT_ICON;
    badge.textContent = unread > 9 ? "9+" : String(unread);
    badge.hidden = isOpen || !unread;
    shell.className = isOpen ? "open" : "";
  }

  // focus: only when the visitor clicked; a page calling open() should not steal the focus.
  function open(focus) {
    if (stopped) return;
    if (!config) {
      wantOpen = true;
      return;
    }
    if (!frame) {
      frame = document.createElement("iframe");
      frame.id = "caseboard-chat";
      frame.title = "Chat with " + (config.name || "us");
      frame.src = host + "/widget/" + encodeURIComponent(widgetId);
      shell.appendChild(frame);
    }
    frame.hidden = false;
    isOpen = true;
    render();
    post({ type: "caseboard:visibility", visible: true });
    if (focus === true) frame.focus();
  }

  function close() {
    if (!isOpen) return;
    // Focus inside the shadow root shows as the host element: give it back to the launcher.
    var hadFocus = document.activeElement === hostElement;
    isOpen = false;
    frame.hidden = true;
    render();
    post({ type: "caseboard:visibility", visible: false });
    if (hadFocus) launcher.focus();
  }

  function onMessage(event) {
    if (!frame || event.origin !== host || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || typeof data !== "object") return;
    if (data.type === "caseboard:ready") {
      frameReady = true;
      post({ type: "caseboard:identify", identity: identity });
      post({ type: "caseboard:visibility", visible: isOpen });
    } else if (data.type === "caseboard:unread") {
      unread = Math.max(0, Math.floor(Number(data.count)) || 0);
      render();
    } else if (data.type === "caseboard:close") {
      close();
    }
  }

  function mount() {
    var color = /^#[0-9a-f]{6}$/i.test(config.color) ? config.color : "#2547ea";
    hostElement = document.createElement("caseboard-widget");
    var root = hostElement.attachShadow({ mode: "open" });
    var style = document.createElement("style");
    style.textContent = STYLE;
    shell = document.createElement("div");
    shell.style.setProperty("--bg", color);
    shell.style.setProperty("--fg", textOn(color));
    launcher = document.createElement("button");
    launcher.type = "button";
    launcher.setAttribute("aria-controls", "caseboard-chat");
    launcher.innerHTML = "<i></i><span hidden></span>";
    badge = launcher.lastChild;
    launcher.addEventListener("click", function () {
      if (isOpen) close();
      else open(true);
    });
    shell.appendChild(launcher);
    root.appendChild(style);
    root.appendChild(shell);
    document.body.appendChild(hostElement);
    window.addEventListener("message", onMessage);
    render();
    if (wantOpen) open();
  }

  function shutdown() {
    stopped = true;
    window.removeEventListener("message", onMessage);
    if (hostElement) hostElement.remove();
    identity = config = frame = launcher = null;
    isOpen = frameReady = false;
  }

  function Caseboard(command, argument) {
    if (stopped) return;
    if (command === "identify") {
      identity = pickIdentity(argument);
      post({ type: "caseboard:identify", identity: identity });
    } else if (command === "open") open(false);
    else if (command === "close") {
      wantOpen = false;
      close();
    } else if (command === "shutdown") shutdown();
    else warn('unknown command "' + command + '"');
  }
  Caseboard.loaded = true;
  window.Caseboard = Caseboard;
  var queued = (previous && previous.q) || [];
  for (var i = 0; i < queued.length; i++) Caseboard.apply(null, queued[i]);

  fetch(host + "/api/widget/v1/" + encodeURIComponent(widgetId) + "/config", { credentials: "omit" })
    .then(function (response) {
      return response.json().then(
        function (body) {
          return { ok: response.ok, status: response.status, body: body };
        },
        function () {
          return { ok: false, status: response.status, body: null };
        },
      );
    })
    .then(function (answer) {
      if (stopped) return;
      if (!answer.ok || !answer.body) return warn((answer.body && answer.body.message) || "the chat is unavailable (HTTP " + answer.status + ")");
      config = answer.body;
      if (document.body) mount();
      else document.addEventListener("DOMContentLoaded", mount);
    })
    .catch(function () {
      // Also what a refusal without CORS headers looks like: the browser hides the answer.
      warn("could not load the chat from " + host + " (is this website among the widget's allowed websites?)");
    });
})();
