// Remembers a console preference (language, theme) for a year.
window.nicConsole = {
    setPreference: function (name, value) {
        document.cookie = name + "=" + encodeURIComponent(value) + "; path=/; max-age=31536000; samesite=lax";
    }
};
