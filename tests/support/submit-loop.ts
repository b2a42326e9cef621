import { createDb } from "#db/connection";
import { formSectionsFor } from "~/domain/survey/answer-form";
import { validateAnswers } from "~/domain/survey/answers";
import { answeringState, submitResponse } from "~/models/responses.server";
import { loadSurveyDefinition } from "~/models/surveys.server";

/**
 * A second process answering a survey as the server would, one staff member after another,
 * printing "ack <staff id>" only once each submission has returned (acknowledged to the person).
 * Usage: node --import tsx tests/support/submit-loop.ts DATABASE SURVEY_CODE ID...
 */
const [databasePath, surveyCode, ...ids] = process.argv.slice(2);
if (!databasePath || !surveyCode) throw new Error("usage: submit-loop.ts DATABASE SURVEY_CODE ID...");
const db = createDb(databasePath);
const definition = await loadSurveyDefinition(db, surveyCode);
if (!definition) throw new Error(`no survey ${surveyCode}`);
for (const id of ids.map(Number)) {
  const { employmentType } = await answeringState(db, definition.survey.id, id);
  if (employmentType === null) throw new Error(`no employment type for ${id}`);
  const sections = formSectionsFor(definition.sections, employmentType, "ja");
  const raw = Object.fromEntries(sections.flatMap((section) => section.questions.map((question) => [question.code, ["3"]])));
  const validation = validateAnswers(sections, employmentType, raw);
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
  await submitResponse(db, definition, id, validation.answers);
  process.stdout.write(`ack ${id}\n`);
}
await db.destroy();
