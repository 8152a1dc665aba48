package synth

import (
	"unicode"
	"unicode/utf8"
)

// Language indexes: every pair below holds the English word first and its
// Spanish translation second.
const (
	en = 0
	es = 1
)

// langs are the language codes, in the order of the pair columns.
var langs = [2]string{"en", "es"}

// pair is a word or phrase and its Spanish translation.
type pair [2]string

// words is the body vocabulary. A sentence is a sequence of indexes into it
// rendered once per language, so a Spanish page is a word-by-word rendering
// of its English page with the same structure and about the same length.
var words = []pair{
	{"the", "el"}, {"a", "un"}, {"of", "de"}, {"and", "y"}, {"in", "en"},
	{"for", "para"}, {"with", "con"}, {"by", "por"}, {"from", "desde"}, {"about", "sobre"},
	{"between", "entre"}, {"without", "sin"}, {"after", "después"}, {"before", "antes"}, {"under", "bajo"},
	{"is", "es"}, {"are", "son"}, {"was", "fue"}, {"has", "tiene"}, {"shows", "muestra"},
	{"remains", "permanece"}, {"rises", "sube"}, {"falls", "baja"}, {"suggests", "sugiere"}, {"needs", "necesita"},
	{"improves", "mejora"}, {"reduces", "reduce"}, {"measures", "mide"}, {"funds", "financia"}, {"covers", "cubre"},
	{"report", "informe"}, {"survey", "encuesta"}, {"region", "región"}, {"province", "provincia"}, {"town", "pueblo"},
	{"energy", "energía"}, {"water", "agua"}, {"health", "salud"}, {"education", "educación"}, {"transport", "transporte"},
	{"housing", "vivienda"}, {"work", "trabajo"}, {"income", "ingreso"}, {"budget", "presupuesto"}, {"policy", "política"},
	{"data", "datos"}, {"sample", "muestra"}, {"method", "método"}, {"indicator", "indicador"}, {"trend", "tendencia"},
	{"growth", "crecimiento"}, {"decline", "descenso"}, {"increase", "aumento"}, {"share", "proporción"}, {"rate", "tasa"},
	{"population", "población"}, {"household", "hogar"}, {"school", "escuela"}, {"clinic", "clínica"}, {"road", "carretera"},
	{"programme", "programa"}, {"project", "proyecto"}, {"investment", "inversión"}, {"cost", "costo"}, {"price", "precio"},
	{"year", "año"}, {"quarter", "trimestre"}, {"period", "período"}, {"decade", "década"}, {"season", "temporada"},
	{"public", "público"}, {"private", "privado"}, {"local", "local"}, {"national", "nacional"}, {"rural", "rural"},
	{"urban", "urbano"}, {"annual", "anual"}, {"average", "promedio"}, {"total", "total"}, {"recent", "reciente"},
	{"clear", "claro"}, {"modest", "modesto"}, {"strong", "fuerte"}, {"weak", "débil"}, {"steady", "constante"},
	{"higher", "mayor"}, {"lower", "menor"}, {"new", "nuevo"}, {"current", "actual"}, {"earlier", "anterior"},
	{"economic", "económico"}, {"social", "social"}, {"environmental", "ambiental"}, {"technical", "técnico"}, {"fiscal", "fiscal"},
	{"analysis", "análisis"}, {"evidence", "evidencia"}, {"result", "resultado"}, {"effect", "efecto"}, {"risk", "riesgo"},
	{"access", "acceso"}, {"demand", "demanda"}, {"supply", "oferta"}, {"capacity", "capacidad"}, {"quality", "calidad"},
	{"service", "servicio"}, {"sector", "sector"}, {"market", "mercado"}, {"industry", "industria"}, {"farming", "agricultura"},
	{"climate", "clima"}, {"emissions", "emisiones"}, {"efficiency", "eficiencia"}, {"network", "red"}, {"upkeep", "mantenimiento"},
	{"women", "mujeres"}, {"children", "niños"}, {"workers", "trabajadores"}, {"families", "familias"}, {"pupils", "alumnos"},
	{"more", "más"}, {"less", "menos"}, {"each", "cada"}, {"every", "todo"}, {"some", "algún"},
	{"also", "también"}, {"however", "sin embargo"}, {"therefore", "por lo tanto"}, {"still", "aún"}, {"only", "solo"},
	{"this", "este"}, {"that", "ese"}, {"which", "cual"}, {"these", "estos"}, {"their", "su"},
	{"government", "gobierno"}, {"ministry", "ministerio"}, {"agency", "agencia"}, {"council", "consejo"}, {"board", "junta"},
	{"plan", "plan"}, {"target", "meta"}, {"progress", "avance"}, {"challenge", "reto"}, {"opportunity", "oportunidad"},
	{"review", "revisión"}, {"estimate", "estimación"}, {"forecast", "pronóstico"}, {"scenario", "escenario"}, {"baseline", "línea de base"},
}

// capWords is words with the first letter of each side in upper case, for
// the first word of a sentence.
var capWords = capitalizeAll(words)

func capitalizeAll(ps []pair) []pair {
	out := make([]pair, len(ps))
	for i, p := range ps {
		out[i] = pair{capitalize(p[en]), capitalize(p[es])}
	}
	return out
}

// capitalize upper-cases the first rune of s.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// Page titles are "<adjective> <subject> <number>" in English and
// "<subject> <adjective> <number>" in Spanish.
var (
	titleAdjs = []pair{
		{"Regional", "regional"}, {"National", "nacional"}, {"Annual", "anual"}, {"Quarterly", "trimestral"},
		{"Rural", "rural"}, {"Municipal", "municipal"}, {"Provisional", "provisional"}, {"Final", "final"},
	}
	titleSubjects = []pair{
		{"Energy Outlook", "Panorama energético"}, {"Health Review", "Revisión sanitaria"},
		{"Water Balance", "Balance hídrico"}, {"Transport Survey", "Encuesta de transporte"},
		{"Housing Index", "Índice de vivienda"}, {"Labour Trends", "Tendencias laborales"},
		{"Budget Analysis", "Análisis presupuestario"}, {"School Indicators", "Indicadores escolares"},
		{"Climate Risks", "Riesgos climáticos"}, {"Market Study", "Estudio de mercado"},
	}
)

// headingSets are the three "##" headings of a page; a page uses one set.
var headingSets = [][3]pair{
	{{"Background", "Antecedentes"}, {"Key figures", "Cifras clave"}, {"Discussion", "Discusión"}},
	{{"Context", "Contexto"}, {"Main results", "Resultados principales"}, {"Implications", "Implicaciones"}},
	{{"Overview", "Panorama"}, {"Data and methods", "Datos y métodos"}, {"Next steps", "Próximos pasos"}},
	{{"Scope", "Alcance"}, {"By region", "Por región"}, {"Recommendations", "Recomendaciones"}},
}

// Table vocabulary.
var (
	regionNames = []pair{
		{"North", "Norte"}, {"South", "Sur"}, {"East", "Este"}, {"West", "Oeste"},
		{"Centre", "Centro"}, {"Coast", "Costa"}, {"Highlands", "Altiplano"}, {"Islands", "Islas"},
	}
	tableHeader = pair{"| Region | 2024 | 2025 | Change (%) |\n", "| Región | 2024 | 2025 | Variación (%) |\n"}
	tableAlign  = "| --- | ---: | ---: | ---: |\n"
)

// Fixed phrases.
var (
	seeAlso    = pair{" See also ", " Véase también "}
	sourceWord = pair{"Source: ", "Fuente: "}
	partWord   = pair{"part", "parte"}
	siteTitle  = pair{"Annual Report", "Informe anual"}
)

// sectionNames are the slugs (the same in both languages) and titles of the
// first top-level sections; further sections are named section-NN.
var sectionNames = []struct {
	slug  string
	title pair
}{
	{"findings", pair{"Findings", "Hallazgos"}},
	{"methods", pair{"Methods", "Métodos"}},
	{"data", pair{"Data", "Datos"}},
	{"policy", pair{"Policy", "Política"}},
	{"regions", pair{"Regions", "Regiones"}},
	{"energy", pair{"Energy", "Energía"}},
	{"health", pair{"Health", "Salud"}},
	{"education", pair{"Education", "Educación"}},
	{"transport", pair{"Transport", "Transporte"}},
	{"appendix", pair{"Appendix", "Anexo"}},
}
