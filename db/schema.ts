import type { Generated, Insertable, Selectable, Updateable } from "kysely";

/** Timestamps are ISO-8601 text in UTC; booleans are 0/1. */
export interface DepartmentTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  /** Full path with "/" between levels, e.g. 総務部/人事課/研修係. */
  path: string;
  depth: number;
  created_at: string;
}

export interface JobLevelTable {
  code: string;
  name_ja: string;
  name_en: string;
  ladder: "administrative" | "technical";
  sort_order: number;
}

export interface EmploymentTypeTable {
  code: string;
  name_ja: string;
  name_en: string;
  sort_order: number;
}

export type Role = "staff" | "hr" | "admin";

export interface StaffTable {
  id: Generated<number>;
  employee_number: string;
  name: string;
  name_kana: string;
  email: string | null;
  department_id: number;
  job_level_code: string;
  employment_type_code: string;
  birth_year: number;
  supervisor_number: string | null;
  role: Role;
  active: number;
  password_hash: string | null;
  /** JSON {by, at} after a setup-code reset, until the person next signs in. */
  password_reset_notice: string | null;
  created_at: string;
  updated_at: string;
}

export interface SetupCodeTable {
  id: Generated<number>;
  staff_id: number;
  code_hash: string;
  expires_at: string;
  used_at: string | null;
  issued_by: number | null;
  created_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie's random id: a copy of the database cannot be replayed as cookies. */
  id_hash: string;
  staff_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  /** Shown once, on the session's first page (a password reset by someone else). */
  notice: string | null;
}

export interface ServerSecretTable {
  name: string;
  value: string;
  created_at: string;
}

export interface SignInFailureTable {
  throttle_key: string;
  window_started_at: string;
  failures: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number | null;
  /** Who acted, as shown in the log: an employee number, or "cli" for operators. */
  actor_label: string;
  action: string;
  /** JSON with what was done; never survey answers or message text. */
  detail: string;
  row_count: number | null;
  created_at: string;
}

export type SurveyStatus = "draft" | "open" | "closed";
export type QuestionTypeColumn = "agreement" | "satisfaction" | "single_choice" | "multiple_choice" | "free_text";

export interface SurveyTable {
  id: Generated<number>;
  code: string;
  title_ja: string;
  title_en: string;
  fiscal_year: number;
  /** YYYY-MM-DD */
  opens_on: string;
  closes_on: string;
  status: Generated<SurveyStatus>;
  min_group_size: Generated<number>;
  intro_ja: Generated<string>;
  intro_en: Generated<string>;
  template_code: string | null;
  previous_survey_id: number | null;
  final_outcome_ja: Generated<string>;
  final_outcome_en: Generated<string>;
  /** JSON: the dimensions reported and how far each is generalised; null = the defaults. */
  report_dimensions: string | null;
  /** When the survey was first opened to staff (null: never, so past answers may be imported). */
  opened_at: string | null;
  /** Bumped by triggers on every change to the survey's sections, questions, options, KPIs or outcomes. */
  structure_version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SurveySectionTable {
  id: Generated<number>;
  survey_id: number;
  position: number;
  title_ja: string;
  title_en: string;
  /** JSON array of employment type codes; null = everyone. */
  eligible_employment_types: string | null;
}

export interface SurveyQuestionTable {
  id: Generated<number>;
  survey_id: number;
  section_id: number;
  position: number;
  code: string;
  type: QuestionTypeColumn;
  text_ja: string;
  text_en: string;
  required: Generated<number>;
  max_choices: number | null;
  eligible_employment_types: string | null;
  show_if_question_id: number | null;
  /** JSON array of option values of the show-if question. */
  show_if_values: string | null;
}

export interface QuestionOptionTable {
  question_id: number;
  value: number;
  label_ja: string;
  label_en: string;
}

export interface SurveyOutcomeTable {
  survey_id: number;
  code: string;
  level: "direct" | "intermediate";
  name_ja: string;
  name_en: string;
  /** JSON array of intermediate outcome codes. */
  feeds: Generated<string>;
}

/** KPI values in thousandths: 2.577 is 2577. */
export interface QuestionKpiTable {
  question_id: number;
  indicator_ja: string;
  indicator_en: string;
  outcome_code: string;
  baseline_milli: number | null;
  baseline_fiscal_year: number | null;
  target_milli: number;
  target_overridden: Generated<number>;
}

export interface SurveyEligibleCountTable {
  survey_id: number;
  department: string;
  eligible: number;
}

export interface SurveyParticipationTable {
  survey_id: number;
  staff_id: number;
}

export interface SurveyResponseTable {
  /** Random; never derived from the person or the time. */
  id: string;
  survey_id: number;
  /** YYYY-MM-DD (Tokyo): no finer time is kept. */
  submitted_on: string;
  source: "web" | "import";
  department: string | null;
  job_level: string | null;
  age_band: string | null;
  employment_type: string | null;
  /** The answers file an imported response came from (hidden while that batch is pending). */
  import_batch_id: number | null;
  /**
   * A copy of the response's answer rows in one JSON text, for the row-level export (see
   * app/domain/export/encoded-answers.ts); null without answers. Written with the answers.
   */
  encoded_answers: string | null;
}

/** A generalised group combination at open → the combination a response stores (null = not reported). */
export interface SurveyReportingGroupTable {
  survey_id: number;
  combination: string;
  department: string | null;
  job_level: string | null;
  age_band: string | null;
  employment_type: string | null;
  staff_count: number;
}

export interface ResponseImportBatchTable {
  id: Generated<number>;
  survey_id: number;
  content_sha256: string;
  state: "pending" | "published";
  row_count: Generated<number>;
  owner_pid: number;
  started_at: string;
  updated_at: string;
}

export interface ResponseAnswerTable {
  response_id: string;
  question_id: number;
  /** Scale value or option value; 0 for free text. */
  value: number;
  text_value: string | null;
}

export interface AnswerTallyTable {
  question_id: number;
  /** "all" or a breakdown dimension. */
  dimension: string;
  group_name: string;
  value: number;
  count: number;
}

export interface RespondentTallyTable {
  survey_id: number;
  dimension: string;
  group_name: string;
  count: number;
}

export type Relationship = "to_supervisor" | "colleague" | "to_report" | "other";

export interface ValueTagTable {
  id: Generated<number>;
  code: string;
  name_ja: string;
  name_en: string;
  kind: "yell" | "quality" | "custom";
  active: Generated<number>;
  sort_order: number;
}

export interface FeedbackRoundTable {
  id: Generated<number>;
  title_ja: string;
  title_en: string;
  /** YYYY-MM-DD */
  starts_on: string;
  ends_on: string;
  status: Generated<"open" | "closed">;
  expected_per_participant: Generated<number>;
  require_supervisor: Generated<number>;
  created_by: number | null;
  created_at: string;
  closed_at: string | null;
}

export interface RoundParticipantTable {
  round_id: number;
  staff_id: number;
  /** The participant's 部 when the round opened. */
  department: string;
}

export interface IMessageTable {
  id: Generated<number>;
  sender_id: number;
  recipient_id: number;
  relationship: Relationship;
  /** The three guided parts: what I saw, how I felt, what it led to. */
  scene: string;
  feeling: string;
  effect: string;
  round_id: number | null;
  created_at: string;
  read_at: string | null;
  thanked_at: string | null;
  pinned: Generated<number>;
  reported_at: string | null;
  report_reason: string | null;
  hidden_at: string | null;
  hidden_by: number | null;
  /** An administrator found the reported message acceptable. */
  report_dismissed_at: string | null;
  report_dismissed_by: number | null;
}

export interface IMessageTagTable {
  message_id: number;
  tag_id: number;
}

export interface Database {
  departments: DepartmentTable;
  job_levels: JobLevelTable;
  employment_types: EmploymentTypeTable;
  staff: StaffTable;
  setup_codes: SetupCodeTable;
  sessions: SessionTable;
  sign_in_failures: SignInFailureTable;
  server_secrets: ServerSecretTable;
  audit_log: AuditLogTable;
  surveys: SurveyTable;
  survey_sections: SurveySectionTable;
  survey_questions: SurveyQuestionTable;
  question_options: QuestionOptionTable;
  survey_outcomes: SurveyOutcomeTable;
  question_kpis: QuestionKpiTable;
  survey_eligible_counts: SurveyEligibleCountTable;
  survey_participation: SurveyParticipationTable;
  survey_responses: SurveyResponseTable;
  response_answers: ResponseAnswerTable;
  answer_tallies: AnswerTallyTable;
  respondent_tallies: RespondentTallyTable;
  value_tags: ValueTagTable;
  feedback_rounds: FeedbackRoundTable;
  round_participants: RoundParticipantTable;
  imessages: IMessageTable;
  imessage_tags: IMessageTagTable;
  question_respondent_tallies: QuestionRespondentTallyTable;
  survey_reporting_groups: SurveyReportingGroupTable;
  response_import_batches: ResponseImportBatchTable;
  survey_actions: SurveyActionTable;
  survey_action_targets: SurveyActionTargetTable;
  hr_indicators: HrIndicatorTable;
  hr_indicator_values: HrIndicatorValueTable;
  unit_heads: UnitHeadTable;
  survey_publications: SurveyPublicationTable;
  notifications: NotificationTable;
  email_queue: EmailQueueTable;
  notification_email_opt_outs: NotificationEmailOptOutTable;
}

export type Department = Selectable<DepartmentTable>;
export type JobLevel = Selectable<JobLevelTable>;
export type EmploymentType = Selectable<EmploymentTypeTable>;
export type Staff = Selectable<StaffTable>;
export type NewStaff = Insertable<StaffTable>;
export type StaffUpdate = Updateable<StaffTable>;
export type Session = Selectable<SessionTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type Survey = Selectable<SurveyTable>;
export type SurveySection = Selectable<SurveySectionTable>;
export type SurveyQuestion = Selectable<SurveyQuestionTable>;
export type QuestionOption = Selectable<QuestionOptionTable>;
export type QuestionKpi = Selectable<QuestionKpiTable>;
export type SurveyOutcome = Selectable<SurveyOutcomeTable>;
export type ValueTag = Selectable<ValueTagTable>;
export type FeedbackRound = Selectable<FeedbackRoundTable>;
export type IMessage = Selectable<IMessageTable>;

/** Respondents who answered a question, per group (answer_tallies counts picks). */
export interface QuestionRespondentTallyTable {
  question_id: number;
  dimension: string;
  group_name: string;
  count: number;
}

export type ActionStatus = "planned" | "in_progress" | "done";

/** An action (取組) recorded against a closed survey's results. */
export interface SurveyActionTable {
  id: Generated<number>;
  survey_id: number;
  title: string;
  owner: string;
  /** YYYY-MM-DD */
  due_on: string;
  status: Generated<ActionStatus>;
  /** The department path the action is for; null is ward-wide. */
  unit_path: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface SurveyActionTargetTable {
  action_id: number;
  kind: "kpi" | "outcome";
  /** A question code (Q08) or a logic-model outcome code (03). */
  code: string;
}

export type IndicatorUnit = "percent" | "days" | "hours";

/** An HR indicator from outside the survey; values in thousandths (18.6 % is 18600). */
export interface HrIndicatorTable {
  id: Generated<number>;
  code: string;
  name_ja: string;
  name_en: string;
  unit: IndicatorUnit;
  /** Null: monitoring only. */
  target_milli: number | null;
  target_fiscal_year: number | null;
  higher_is_better: Generated<number>;
  sort_order: Generated<number>;
}

export interface HrIndicatorValueTable {
  indicator_id: number;
  fiscal_year: number;
  value_milli: number;
  source: string;
  recorded_by: number | null;
  recorded_at: string;
}

/** A unit whose results HR lets a person see, besides the one their job level gives them. */
export interface UnitHeadTable {
  staff_id: number;
  department_id: number;
  granted_by: number | null;
  granted_at: string;
}

/** A closed survey's summary, shared back with staff. */
export interface SurveyPublicationTable {
  survey_id: number;
  summary_ja: string;
  summary_en: string;
  published_by: number | null;
  published_at: string;
}

export type SurveyAction = Selectable<SurveyActionTable>;
export type HrIndicator = Selectable<HrIndicatorTable>;
export interface NotificationTable {
  id: Generated<number>;
  staff_id: number;
  kind: string;
  /** One notification per person and event (e.g. "survey_reminder:12"). */
  event_key: string;
  /** JSON with ids and titles; never answers or message text. */
  payload: Generated<string>;
  created_at: string;
  read_at: string | null;
}

export interface EmailQueueTable {
  id: Generated<number>;
  staff_id: number | null;
  kind: string;
  to_address: string;
  subject: string;
  /** Emptied once sent. */
  body: string;
  status: Generated<"pending" | "sending" | "sent" | "failed">;
  attempts: Generated<number>;
  next_attempt_at: string;
  claimed_at: string | null;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
}

export interface NotificationEmailOptOutTable {
  staff_id: number;
  kind: string;
}
