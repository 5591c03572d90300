import Content
import Foundation

/// The plan of a site: which pages there are, in which order, and the files made besides them.
extension PageBuilder {
    /// Every file of the site that is not a page: the sitemap, `robots.txt`, the theme's assets and the slides' media.
    func files() -> [OutputFile] {
        let map = sitemap()
        let files = [OutputFile(path: "sitemap.xml", contents: .text(map.xml)), OutputFile(path: "robots.txt", contents: .text(map.robots))]
        return files + assets()
    }

    /// The pages (and quiz downloads) to render, in the site's order; a module page knows its neighbours.
    /// - Parameter including: which pages, by kind (all by default); only their paths are made.
    func pages(including: (PageJob.Kind) -> Bool = { _ in true }) -> [PageJob] {
        var pages: [PageJob] = []
        func add(_ kind: PageJob.Kind, _ path: @autoclosure () -> String, isFile: Bool = false) {
            guard including(kind) else { return }
            pages.append(isFile ? PageJob(file: path(), kind: kind) : PageJob(path: path(), kind: kind))
        }
        add(.languagePicker, "")
        for language in config.languages {
            add(.overview(language), SiteLayout.overview(language))
            let available = modules.indices.filter { modules[$0].source.slides[language] != nil }
            for (position, index) in available.enumerated() {
                let module = modules[index]
                let slug = module.source.slides[language]!.slug
                let previous = position > 0 ? available[position - 1] : nil
                let next = position + 1 < available.count ? available[position + 1] : nil
                add(.module(index, language, previous: previous, next: next), SiteLayout.module(slug, language))
                add(.deck(index, language), SiteLayout.deck(slug, language))
                if module.quizzes[language] != nil {
                    let downloads = Self.exportNames(slug: slug, language: language)
                    add(.quiz(index, language), SiteLayout.quiz(slug, language))
                    add(.gift(index, language), SiteLayout.quiz(slug, language) + downloads.gift, isFile: true)
                    add(.qti(index, language), SiteLayout.quiz(slug, language) + downloads.qti, isFile: true)
                }
            }
            add(.notFound(language), "\(language.code)/404.html", isFile: true)
        }
        add(.notFound(config.defaultLanguage), "404.html", isFile: true)
        return pages
    }

    /// The sitemap: every page with its translations. It depends on the languages, the modules each language has,
    /// their slugs and which of them have a quiz, never on titles or slides.
    func sitemap() -> Sitemap {
        var entries: [Sitemap.Entry] = []
        let overviews = Dictionary(uniqueKeysWithValues: config.languages.map { ($0, SiteLayout.overview($0)) })
        entries.append(entry("", translations: overviews))
        // A module's pages in every language share their translations: worked out once per module, not per page.
        let shared = modules.map { module in
            (module: alternates(of: translations(of: module, page: SiteLayout.module)),
             deck: alternates(of: translations(of: module, page: SiteLayout.deck)),
             quiz: module.quizzes.isEmpty ? nil : alternates(of: quizTranslations(of: module)))
        }
        for language in config.languages {
            entries.append(entry(SiteLayout.overview(language), translations: overviews))
            for (index, module) in modules.enumerated() {
                guard let slug = module.source.slides[language]?.slug else { continue }
                entries.append(Sitemap.Entry(path: SiteLayout.module(slug, language), alternates: shared[index].module))
                entries.append(Sitemap.Entry(path: SiteLayout.deck(slug, language), alternates: shared[index].deck))
                if module.quizzes[language] != nil, let quiz = shared[index].quiz {
                    entries.append(Sitemap.Entry(path: SiteLayout.quiz(slug, language), alternates: quiz))
                }
            }
        }
        return Sitemap(baseURL: config.baseURL, entries: entries)
    }
}
