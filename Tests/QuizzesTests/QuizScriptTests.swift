import Foundation
import Testing

/// `Templates/assets/quiz.js` scores the shared table exactly as Swift does (run with Node.js when it is installed;
/// a browser test can run the same table later).
@Suite struct QuizScriptTests {
    static let script = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates/assets/quiz.js").path

    @Test(.enabled(if: executable(named: "node") != nil, "needs Node.js"))
    func quizJSGivesEveryScoreOfTheSharedTable() throws {
        let program = """
            globalThis.window = globalThis;
            require(process.argv[1]);
            const table = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
            const failures = table.cases.filter(c => JSON.stringify(LecternQuiz.scoreQuestion(c.answer, c.response))
                !== JSON.stringify(c.expected)).map(c => c.name + ": " + JSON.stringify(LecternQuiz.scoreQuestion(c.answer, c.response)));
            console.log(failures.length ? failures.join("\\n") : table.cases.length + " cases agree");
            """
        let table = fixtures.appendingPathComponent("scoring-cases.json").path
        let (status, output) = try run(try #require(executable(named: "node")), ["-e", program, Self.script, table])
        #expect(status == 0)
        #expect(output == "43 cases agree\n")
    }
}
