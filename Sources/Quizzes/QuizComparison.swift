import Diagnostics

/// Compares the quizzes of two languages of one module (W006): ids, order, types, option counts,
/// which options are right, numeric values.
public enum QuizComparison {
    /// One W006 warning per difference, at the line of the question in the second file, naming the first file.
    ///
    /// - Parameters:
    ///   - first: the quiz the course treats as the original (its path is named in the messages).
    ///   - second: the translation, where the warnings point.
    public static func warnings(comparing first: Quiz, at firstPath: String, with second: Quiz, at secondPath: String) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        func warn(_ message: String, line: Int) {
            warnings.append(.warning(message, at: SourceLocation(path: secondPath, line: line), code: "W006"))
        }
        let firstIDs = first.questions.map(\.id)
        let secondIDs = second.questions.map(\.id)
        for (index, question) in first.questions.enumerated() where !secondIDs.contains(question.id) {
            let line = second.questions.indices.contains(index) ? second.questions[index].line : 1
            warn("question `\(question.id)` of \(firstPath) is missing here: translate it, with the same `<!-- id: \(question.id) -->`", line: line)
        }
        for question in second.questions where !firstIDs.contains(question.id) {
            warn("question `\(question.id)` is not in \(firstPath): give it the id of the question it translates, or add it there too", line: question.line)
        }
        let common = Set(firstIDs).intersection(secondIDs)
        let inOrder = Set(longestCommonSubsequence(firstIDs.filter(common.contains), secondIDs.filter(common.contains)))
        for question in second.questions where common.contains(question.id) && !inOrder.contains(question.id) {
            let position = (firstIDs.firstIndex(of: question.id) ?? 0) + 1
            warn("question `\(question.id)` is question \(position) in \(firstPath) but question \(question.number) here: put the questions in the same order", line: question.line)
        }
        for question in second.questions {
            guard let original = first.questions.first(where: { $0.id == question.id }) else { continue }
            for difference in differences(original, question) {
                warn("question `\(question.id)` \(difference) in \(firstPath): make both languages ask the same", line: question.line)
            }
        }
        return warnings
    }
}

private extension QuizComparison {
    /// What differs between a question and its translation, each phrased to follow "question `id`".
    static func differences(_ original: Question, _ translation: Question) -> [String] {
        let (a, b) = (original.kind, translation.kind)
        guard a.name == b.name else {
            return ["is \(b.displayName) here but \(a.displayName)"]
        }
        switch (a, b) {
        case (.trueFalse(let left), .trueFalse(let right)):
            let (truth, translated) = (left.first(where: \.isCorrect)?.meansTrue, right.first(where: \.isCorrect)?.meansTrue)
            return truth == translated ? [] : ["has the answer \(translated == true ? "true" : "false") here but \(truth == true ? "true" : "false")"]
        case (.singleChoice(let left), .singleChoice(let right)), (.multipleChoice(let left), .multipleChoice(let right)):
            guard left.count == right.count else { return ["has \(right.count) options here but \(left.count)"] }
            let (rightHere, rightThere) = (positions(right), positions(left))
            return rightHere == rightThere ? [] : ["has \(rightHere) right here but \(rightThere)"]
        case (.numeric(let left), .numeric(let right)):
            let (here, there) = (values(right), values(left))
            return here == there ? [] : ["accepts \(here) here but \(there)"]
        default:
            return []
        }
    }

    /// "option 2", "options 1, 3" or "no option".
    static func positions(_ options: [ChoiceOption]) -> String {
        let right = options.indices.filter { options[$0].isCorrect }.map { "\($0 + 1)" }
        return right.isEmpty ? "no option" : (right.count == 1 ? "option " : "options ") + right.joined(separator: ", ")
    }

    static func values(_ answers: TypedAnswers<NumericValue>) -> String {
        answers.accepted.map { "`\($0.value.displayText)`" }.joined(separator: ", ")
    }

    /// The longest sequence of ids that both lists have in the same order (the questions that did not move).
    static func longestCommonSubsequence(_ a: [String], _ b: [String]) -> [String] {
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var result: [String] = []
        var (i, j) = (0, 0)
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                result.append(a[i])
                (i, j) = (i + 1, j + 1)
            } else if lengths[i + 1][j] >= lengths[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }
}

extension Question.Kind {
    /// The kind's name in an author's words: "single choice", "true/false".
    var displayName: String {
        switch self {
        case .singleChoice: "single choice"
        case .multipleChoice: "multiple choice"
        case .trueFalse: "true/false"
        case .shortAnswer: "short answer"
        case .numeric: "numeric"
        }
    }
}
