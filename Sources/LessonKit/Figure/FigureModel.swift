/// A `{figure}` after evaluation: its number, id, caption and text alternative, and the figure.
public struct FigureModel: Sendable, Equatable {
    /// 1-based, in lesson order: the caption starts "Figure N".
    public var number: Int
    /// `:name:`, or `figure-N`.
    public var id: String
    /// The `:caption:` as inline HTML (cmark-gfm, `{{ }}` filled), "" for none.
    public var captionHTML: String
    /// `:alt:`, or the generated description (`FigureDescription.alt`).
    public var alt: String
    public var figure: Figure

    public init(number: Int, id: String, captionHTML: String, alt: String, figure: Figure) {
        self.number = number
        self.id = id
        self.captionHTML = captionHTML
        self.alt = alt
        self.figure = figure
    }

    /// The files this figure adds to the site (`image()` PNGs), by file name.
    public var assets: [SiteAsset] {
        var seen: Set<String> = []
        return figure.rasters.compactMap { raster in
            seen.insert(raster.fileName).inserted ? SiteAsset(path: raster.fileName, bytes: raster.png) : nil
        }
    }

    /// Letters, digits, `-` and `_`, starting with a letter: safe as an HTML id and URL fragment.
    static func isValidID(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isIDLetter else { return false }
        return text.unicodeScalars.allSatisfy { $0.isIDLetter || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

/// A file a page adds to the site besides its HTML (a figure's PNG).
public struct SiteAsset: Sendable, Equatable {
    /// Relative to the site folder.
    public var path: String
    public var bytes: [UInt8]
    public init(path: String, bytes: [UInt8]) { self.path = path; self.bytes = bytes }
}

extension Figure {
    /// The raster images in this figure (itself, or its panels').
    var rasters: [RasterFigure] {
        switch content {
        case .image(let image): [image]
        case .panels(let panels): panels.flatMap(\.figure.rasters)
        default: []
        }
    }
}

extension Unicode.Scalar {
    fileprivate var isIDLetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
