/// The start of every page lessonbuild writes: doctype, `<head>` and the skip link.
enum PageHead {
    /// Everything up to and including the skip link. `title` and `description` are plain text.
    ///
    /// The `generator` meta marks pages as lessonbuild's, which is how the site index finds the
    /// lessons already in a folder; `description` carries a lesson's summary.
    static func html(title: String, description: String? = nil) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLEscaping.escape(title))</title>

        """
        if let description, !description.isEmpty {
            html += "<meta name=\"description\" content=\"\(HTMLEscaping.escape(description))\">\n"
        }
        return html + """
        <meta name="generator" content="lessonbuild">
        <link rel="stylesheet" href="\(Stylesheet.fileName)">
        </head>
        <body>
        <a class="skip-link" href="#content">Skip to content</a>

        """
    }
}
