/// RFC 4180 CSV: fields separated by commas, records by CRLF or LF; a field in double quotes may hold
/// commas, line breaks and `""` for a quote. A final line break is optional.
///
///     CSVReader.records("learner,q1\r\n\"Lee, Ann\",\"say \"\"hi\"\"\"\n")
///     // [(line 1, ["learner", "q1"]), (line 2, ["Lee, Ann", "say \"hi\""])]
enum CSVReader {
    struct Record: Equatable {
        /// The 1-based line on which the record starts.
        var line: Int
        var fields: [String]
    }

    struct Failure: Error, Equatable {
        var line: Int
        var message: String
    }

    static func records(_ text: String) throws(Failure) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quotedField = false
        var afterQuote = false
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var i = 0
        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            quotedField = false
            afterQuote = false
        }
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" {
                        field.append("\"")
                        i += 2
                        continue
                    }
                    inQuotes = false
                    afterQuote = true
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case ",":
                endField()
            case "\r", "\n":
                if c == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                endField()
                records.append(Record(line: recordLine, fields: fields))
                fields = []
                line += 1
                recordLine = line
            case "\"":
                guard field.isEmpty, !quotedField else {
                    throw Failure(line: line, message: "a double quote inside an unquoted field (quote the field and double the quote: \"\"\"\")")
                }
                inQuotes = true
                quotedField = true
            default:
                if afterQuote {
                    throw Failure(line: line, message: "text after a closing double quote")
                }
                field.append(c)
            }
            i += 1
        }
        if inQuotes { throw Failure(line: recordLine, message: "a quoted field is not closed") }
        if !fields.isEmpty || !field.isEmpty || quotedField {
            endField()
            records.append(Record(line: recordLine, fields: fields))
        }
        return records
    }
}
