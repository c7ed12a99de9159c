/// The commands of the supported TeX subset that stand for a single symbol.
enum TeXSymbols {
    /// Lowercase Greek letters (italic `<mi>`), TeX names to Unicode.
    static let lowercaseGreek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
        "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ",
        "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    ]

    /// Uppercase Greek letters (upright `<mi mathvariant="normal">`, as TeX sets them).
    static let uppercaseGreek: [String: String] = [
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    /// Other identifiers written with a command.
    static let identifiers: [String: String] = [
        "infty": "∞", "ell": "ℓ", "partial": "∂", "nabla": "∇", "top": "⊤", "bot": "⊥",
    ]

    /// Binary operators, relations and arrows: `<mo>`.
    static let operators: [String: String] = [
        "cdot": "⋅", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "ast": "∗",
        "leftarrow": "←", "gets": "←", "rightarrow": "→", "to": "→", "Leftarrow": "⇐",
        "Rightarrow": "⇒", "leftrightarrow": "↔", "mapsto": "↦",
        "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈",
        "equiv": "≡", "sim": "∼", "propto": "∝", "in": "∈", "notin": "∉", "subset": "⊂",
        "subseteq": "⊆", "cup": "∪", "cap": "∩", "ldots": "…", "cdots": "⋯", "dots": "…",
        "mid": "∣", "circ": "∘", "star": "⋆", "odot": "⊙", "otimes": "⊗", "oplus": "⊕", "{": "{", "}": "}", "|": "‖",
        "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "langle": "⟨", "rangle": "⟩",
    ]

    /// Large operators whose scripts become limits in display style.
    static let largeOperators: [String: String] = [
        "sum": "∑", "prod": "∏", "int": "∫",
    ]

    /// Named functions written upright (`\log x`); `true` where display style puts the
    /// scripts underneath as limits (`\max_{i}`).
    static let functionNames: [String: Bool] = [
        "sin": false, "cos": false, "tan": false, "log": false, "ln": false, "exp": false,
        "arg": false, "det": true, "max": true, "min": true, "lim": true, "sup": true, "inf": true,
    ]

    /// Spacing commands and their widths in em (TeX's mu / 18).
    static let spaces: [String: String] = [
        ",": "0.1667em", ":": "0.2222em", ">": "0.2222em", ";": "0.2778em",
        "quad": "1em", "qquad": "2em",
    ]

    /// Characters that are operators when typed directly (`-` becomes U+2212 MINUS SIGN).
    static let operatorCharacters: [Unicode.Scalar: String] = [
        "+": "+", "-": "−", "=": "=", "<": "<", ">": ">", ",": ",", ";": ";", ":": ":",
        "/": "/", "!": "!", "'": "′", "*": "∗", "|": "|", "(": "(", ")": ")", "[": "[", "]": "]",
    ]

    /// Characters that are fences (written `stretchy="false"` unless used with `\left`/`\right`).
    static let fenceCharacters: Set<String> = ["(", ")", "[", "]", "{", "}", "|", "‖", "⌊", "⌋", "⌈", "⌉", "⟨", "⟩"]

    /// The symbol a `\left`/`\right` delimiter stands for; `""` for the null delimiter `.`.
    static func delimiter(_ token: TeXToken) -> String? {
        switch token.kind {
        case .character(let scalar):
            if scalar == "." { return "" }
            if "()[]|/".unicodeScalars.contains(scalar) { return String(scalar) }
            return nil
        case .command(let name):
            guard let symbol = operators[name], fenceCharacters.contains(symbol) else { return nil }
            return symbol
        default:
            return nil
        }
    }
}
