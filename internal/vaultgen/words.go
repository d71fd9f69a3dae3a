package vaultgen

// The word lists below are written for this generator. They give the synthetic notes the rhythm
// of transcript summaries (companies, markets, science, history) without any real text.

var nouns = []string{
	"market", "platform", "strategy", "network", "margin", "supply chain", "customer", "product",
	"pricing model", "capital", "factory", "software", "hardware", "license", "patent", "merger",
	"acquisition", "subscription", "brand", "retail business", "logistics", "warehouse",
	"data center", "server farm", "chip", "semiconductor", "battery", "engine", "railway",
	"shipping lane", "harbor", "bank", "loan book", "bond", "equity stake", "valuation", "founder",
	"board", "culture", "team", "hiring process", "incentive", "regulation", "lawsuit",
	"government", "tariff", "export", "currency", "inflation", "recession", "bubble", "cycle",
	"moat", "flywheel", "ecosystem", "developer", "interface", "protocol", "standard", "format",
	"compiler", "database", "search engine", "advertising", "audience", "content library",
	"studio", "franchise", "game", "console", "handset", "operating system", "cloud", "storage",
	"bandwidth", "satellite", "rocket", "vaccine", "drug trial", "hospital", "insurer", "pension",
	"dividend", "buyback", "spin-off", "joint venture", "partnership", "distribution deal",
	"dealer network", "marketplace", "payment rail", "ledger", "exchange", "commodity", "oil field",
	"steel mill", "grain trade", "cotton", "textile mill", "printing press", "telegraph", "radio",
	"television", "newspaper", "magazine", "archive", "library", "university", "laboratory",
	"research group", "experiment", "model", "theory", "hypothesis", "algorithm",
	"neural network", "dataset", "benchmark", "robot", "sensor", "camera", "display", "keyboard",
	"retailer", "wholesaler", "franchisee", "union", "strike", "pipeline", "refinery", "airline",
	"airport", "fleet", "shipyard", "mine", "vineyard", "brewery", "bakery", "restaurant chain",
	"hotel group", "casino", "stadium", "league", "broadcast right", "record label", "catalog",
	"royalty", "option grant", "balance sheet", "cash flow", "debt load", "credit rating",
	"audit", "accounting rule", "quarterly report", "roadmap", "prototype", "launch", "recall",
	"outage", "security breach", "firewall", "encryption scheme", "browser", "search index",
	"feed", "recommendation system", "creator economy", "community", "forum", "wiki",
	"open source project", "foundation", "grant", "endowment", "monastery", "empire", "dynasty",
	"republic", "treaty", "border", "colony", "trade route", "spice trade", "silk road",
	"canal", "bridge", "aqueduct", "cathedral", "guild", "merchant house", "charter",
}

var adjectives = []string{
	"early", "late", "vertical", "horizontal", "global", "regional", "digital", "physical",
	"durable", "fragile", "aggressive", "patient", "contrarian", "dominant", "emerging", "legacy",
	"modern", "industrial", "financial", "strategic", "operational", "cultural", "technical",
	"competitive", "scalable", "profitable", "unprofitable", "capital-intensive", "asset-light",
	"decentralized", "centralized", "open", "closed", "proprietary", "public", "private", "hostile",
	"friendly", "rapid", "gradual", "hidden", "obvious", "unusual", "critical", "marginal",
	"seasonal", "long-term", "short-term", "national", "local", "ambitious", "cautious", "bold",
	"quiet", "noisy", "expensive", "cheap", "premium", "discount", "niche", "mainstream",
	"experimental", "proven", "risky", "stable", "volatile", "lean", "bloated", "nimble",
	"sluggish", "integrated", "fragmented", "consolidated", "fierce", "gentle", "remarkable",
	"surprising", "painful", "lucrative", "costly", "elegant", "clumsy", "ancient", "medieval",
	"colonial", "postwar", "wartime", "speculative", "defensive", "offensive", "second",
	"first", "final", "informal", "formal", "internal", "external",
}

var pastVerbs = []string{
	"built", "reshaped", "accelerated", "funded", "acquired", "launched", "abandoned", "rebuilt",
	"licensed", "challenged", "dominated", "outpaced", "copied", "priced", "bundled",
	"unbundled", "financed", "rewarded", "hired", "restructured", "expanded", "doubled", "halved",
	"sold", "bought", "protected", "exposed", "undercut", "absorbed", "replaced", "simplified",
	"complicated", "standardized", "opened", "closed", "defended", "attacked", "courted",
	"ignored", "studied", "measured", "tested", "shipped", "delayed", "cancelled", "revived",
	"split", "merged", "spun out", "taxed", "subsidized", "regulated", "exported", "imported",
	"mapped", "mined", "refined", "recorded", "broadcast", "published", "translated", "trained",
	"deployed", "scaled", "automated", "outsourced", "insourced", "negotiated", "renegotiated",
}

var presentVerbs = []string{
	"drives", "explains", "shapes", "limits", "protects", "funds", "rewards", "compounds",
	"erodes", "strengthens", "weakens", "connects", "separates", "anchors", "frames",
	"undermines", "supports", "mirrors", "predates", "outlasts", "complicates", "clarifies",
}

var adverbs = []string{
	"quietly", "quickly", "eventually", "deliberately", "reluctantly", "famously", "briefly",
	"gradually", "suddenly", "repeatedly", "largely", "partly", "openly", "secretly",
	"successfully", "narrowly", "steadily",
}

var openers = []string{
	"In the early years,", "By the late nineties,", "According to the hosts,", "At the time,",
	"Over the next decade,", "In hindsight,", "Crucially,", "Meanwhile,", "Later,",
	"For a while,", "Unsurprisingly,", "Despite this,", "As a result,", "Ironically,",
	"In practice,", "By contrast,", "On the other hand,", "Within a few years,", "Notably,",
	"From the start,", "After the war,", "During the downturn,", "Before long,", "To be fair,",
	"In the episode,", "As one guest put it,", "Looking back,", "In short,",
}

var tails = []string{
	"in the process", "across several markets", "within a few years", "without much fanfare",
	"at a steep discount", "for the first time", "ahead of its rivals", "despite heavy losses",
	"during the downturn", "on borrowed money", "against the advice of the board",
	"with surprising speed", "at enormous cost", "in a single quarter", "over two decades",
	"across the continent", "behind closed doors", "in front of regulators", "almost by accident",
	"before anyone noticed", "long after the founders left", "with a tiny team",
}

var clauses = []string{
	"which later became the core of the business", "which nobody expected to matter",
	"and the idea stuck", "which the hosts call a turning point", "and rivals soon followed",
	"which set the pattern for what came next", "and the numbers proved it",
	"which changed the economics entirely", "and that decision still echoes today",
	"which is easy to miss in hindsight", "and the market rewarded it",
}

var propers = []string{
	"Norvale", "Brightwell", "Kestrel", "Halden", "Orrin", "Veloxa", "Tamsin", "Quorra",
	"Ashgrove", "Pellucid", "Marrow", "Castellan", "Dunmore", "Feldspar", "Ironbark", "Juniper",
	"Lanthorn", "Meridian", "Nettle", "Oakhurst", "Pinecrest", "Quillon", "Ravensworth",
	"Sablecourt", "Thornbury", "Umberlee", "Vantor", "Wexford", "Yarrow", "Zephyrine", "Corvid",
	"Halcyon", "Brambleton", "Ostrander", "Calloway", "Merriweather", "Tessaly", "Grisholm",
	"Avenmoor", "Bexley", "Carrowmore", "Delacroix", "Estevan", "Fairhaven", "Gallowglass",
}

var properSuffixes = []string{
	"Labs", "Systems", "Capital", "Motors", "Foods", "Works", "Pharma", "Networks", "Air",
	"Bank", "Records", "Studios", "Robotics", "Energy", "Mining", "Media", "Holdings", "Group",
}

// nonASCIIPropers are rare in titles; they give the vault its few non-ASCII file names.
var nonASCIIPropers = []string{
	"Zürich", "Kraków", "São Paulo", "Malmö", "Ångström", "Ōsaka", "Curaçao", "Reykjavík",
	"Düsseldorf", "Škoda", "Łódź", "Ærøskøbing",
}

var acronyms = []string{
	"NVX", "QRS", "TMC", "HALO", "GPU", "CPU", "API", "SaaS", "IPO", "ETF", "LLM", "RFID", "GPS",
	"OLED", "DRAM", "VPN", "CDN", "ERP", "CRM", "ESG",
}

// commonHeadings recur across many notes, so a [[note#Heading]] link often finds its heading.
var commonHeadings = []string{
	"Background", "Key Takeaways", "Conclusion", "Early History", "Business Model",
	"Competitive Landscape", "Lessons Learned", "Overview", "Introduction", "Challenges",
	"Legacy", "Timeline", "Key Figures", "Impact", "Criticism",
}

var headingLeads = []string{
	"The Rise of", "The Fall of", "Origins of", "Inside", "Rethinking", "The Case for",
	"The Case Against", "Lessons from", "The Economics of", "A Short History of", "Scaling",
}

var calloutTypes = []string{
	// Weighted by repetition: info dominates, then the other common spellings.
	"info", "info", "info", "info", "info", "info", "info", "info", "info", "info",
	"note", "note", "NOTE", "INFO", "quote", "quote", "WARNING", "TIP", "TIP", "CAUTION",
	"EXAMPLE", "abstract", "summary", "tldr", "todo", "hint", "important", "success", "check",
	"done", "question", "help", "faq", "attention", "failure", "fail", "missing", "danger",
	"error", "bug", "example", "cite", "tip", "warning", "Insight", "key-point",
}

var tagWords = []string{
	"business", "history", "strategy", "technology", "finance", "podcast", "economics",
	"science", "culture", "investing", "startups", "media", "energy", "health", "policy",
	"ai/ethics", "history/medieval", "markets/bonds", "to-review", "summary", "needs_sources",
}

var channelStems = []string{
	"signal", "ledger", "orbit", "harbor", "margin", "anchor", "lantern", "compass", "summit",
	"relay", "vector", "quarry", "beacon", "cipher", "meadow", "granite", "tandem", "pivot",
	"fathom", "keystone", "tidal", "ember", "atlas", "copper", "north", "hollow", "static",
	"paper", "circuit", "market", "founder", "capital", "orchard", "foundry", "drift", "lumen",
}

var channelSuffixes = []string{"FM", "Pod", "Cast", "Talks", "Notes", "Hour", "Daily", "Show"}

// nonASCIIChannels name the one channel folder with non-ASCII letters.
var nonASCIIChannels = []string{"Café Økonomi", "Señal Clara", "Märkte und Mächte", "Ça Compte"}

var codeLangs = []string{"", "python", "go", "js", "sql", "bash", "yaml", "json", "text"}

var codeIdents = []string{
	"orders", "revenue", "margin", "cohort", "users", "events", "price", "region", "ledger",
	"invoice", "shipment", "account", "balance", "quota",
}

var tableHeads = [][]string{
	{"Year", "Event", "Source"},
	{"Company", "Market", "Share"},
	{"Metric", "Before", "After"},
	{"Name", "Role", "Notes", "When"},
	{"Phase", "Focus"},
}
