// Tells the server the browser's time zone before the console renders, so times show on the agent's own clock.
(function () {
    var zone = "";
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
    document.cookie = "ch-tz=" + encodeURIComponent(zone) + "; path=/; samesite=strict; max-age=31536000";
})();
