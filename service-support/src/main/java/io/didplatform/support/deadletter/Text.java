package io.didplatform.support.deadletter;

/** Text about a failure as PostgreSQL stores it: no U+0000 (which it refuses in text), and of bounded length. */
final class Text {
    private Text() {
    }

    static String storable(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        String clean = text.replace("\u0000", "\\u0000");
        return clean.length() <= maxLength ? clean : clean.substring(0, maxLength);
    }
}
