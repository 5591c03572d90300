import Foundation

/// The script `lectern serve` adds to every HTML page: it reloads the page after a good build and lays the
/// diagnostics of a failed one over it. Published builds never contain it.
public enum LiveReloadScript {
    /// Where the server serves the script.
    public static let path = "/__lectern/reload.js"

    /// The tag inserted before `</body>`.
    public static let tag = "<script src=\"\(path)\" defer></script>"

    /// The page with the script tag inserted before its last `</body>`, or appended when it has none.
    public static func injecting(into html: String) -> String {
        guard let body = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) else { return html + tag + "\n" }
        return html.replacingCharacters(in: body.lowerBound..<body.lowerBound, with: tag)
    }

    /// The script itself; the overlay is built with `textContent` only, so diagnostics cannot inject markup.
    public static let source = """
        // Lectern live reload: served by `lectern serve` only.
        (() => {
          "use strict";
          const overlayID = "lectern-build-errors";

          function hideOverlay() {
            const overlay = document.getElementById(overlayID);
            if (overlay) overlay.remove();
          }

          function element(tag, style, text) {
            const node = document.createElement(tag);
            node.style.cssText = style;
            if (text !== undefined) node.textContent = text;
            return node;
          }

          function showStatus(status) {
            hideOverlay();
            if (!status || status.succeeded) return;
            const overlay = element("div", "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;" +
              "padding:2rem;background:rgba(24,24,27,.94);color:#f4f4f5;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace");
            overlay.id = overlayID;
            overlay.setAttribute("role", "alert");
            overlay.append(element("h2", "margin:0 0 .5rem;font:bold 1.25rem system-ui,sans-serif;color:#f87171",
              "Build failed"));
            overlay.append(element("p", "margin:0 0 1.5rem;font:1rem system-ui,sans-serif",
              "The page below is the last good build. Fix the problem and save: this page reloads by itself."));
            const list = element("ul", "list-style:none;margin:0;padding:0");
            for (const diagnostic of status.diagnostics) {
              const color = diagnostic.severity === "error" ? "#fca5a5" : "#fde68a";
              list.append(element("li", "margin:0 0 .75rem;white-space:pre-wrap;color:" + color, diagnostic.text));
            }
            overlay.append(list);
            const close = element("button", "margin-top:1rem;font:1rem system-ui,sans-serif", "Hide");
            close.type = "button";
            close.addEventListener("click", hideOverlay);
            overlay.append(close);
            document.body.append(overlay);
          }

          fetch("/__lectern/status", { cache: "no-store" })
            .then((response) => response.json())
            .then(showStatus)
            .catch(() => {});

          if (!("EventSource" in window)) return;
          const events = new EventSource("/__lectern/events");
          let lostConnection = false;
          events.addEventListener("reload", () => location.reload());
          events.addEventListener("diagnostics", (event) => showStatus(JSON.parse(event.data)));
          events.addEventListener("error", () => { lostConnection = true; });
          // After `lectern serve` restarts, the site may have changed while nobody was listening.
          events.addEventListener("open", () => { if (lostConnection) location.reload(); });
        })();

        """
}
