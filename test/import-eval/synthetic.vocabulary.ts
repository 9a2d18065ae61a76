/**
 * Parts of realistic local-government recommendations and actions, combined by synthetic.ts.
 * Plain English in the register of LGA feedback reports and council responses.
 */

export const recommendationVerbs = [
  "Develop",
  "Strengthen",
  "Review",
  "Establish",
  "Refresh",
  "Embed",
  "Agree",
  "Build on",
  "Invest in",
  "Clarify",
  "Prioritise",
  "Put in place",
] as const;

export const recommendationObjects = [
  "a clear and shared vision for the borough",
  "the council's approach to overview and scrutiny",
  "member and officer relationships at every level",
  "a medium-term financial strategy that closes the budget gap",
  "the corporate plan with a small number of measurable priorities",
  "the capacity of the senior leadership team",
  "a performance management framework that Cabinet can use",
  "the council's role as a leader of place with its partners",
  "a workforce strategy that tackles recruitment and retention",
  "the governance of the council's companies and commercial assets",
  "a programme of transformation with realistic savings",
  "engagement with residents and community groups",
  "the council's internal communications with staff",
  "a risk management approach owned by senior managers",
  "the use of data and insight in decision-making",
  "a capital programme that matches the council's ambitions",
  "the council's readiness for local government reorganisation",
  "arrangements for member development and induction",
] as const;

export const recommendationTails = [
  "so that everyone understands what the council is trying to achieve",
  "to make sure decisions are open, timely and well informed",
  "with clear milestones that are reported publicly",
  "and make sure it is understood by staff and partners",
  "drawing on good practice from other councils",
  "to secure the council's financial sustainability",
  "",
  "",
] as const;

export const recommendationTitles = [
  "Vision and priorities",
  "Scrutiny",
  "Financial resilience",
  "Leadership of place",
  "Organisational capacity",
  "Governance",
  "Workforce",
  "Transformation",
  "Communications",
  "Performance management",
  "Partnerships",
  "Resident engagement",
] as const;

export const themeLabels = [
  "Local priorities and outcomes",
  "Organisational and place leadership",
  "Governance and culture",
  "Financial planning and management",
  "Capacity for improvement",
] as const;

/** Whole actions, each with its own verb, as council responses word them. */
export const actionPhrases = [
  "Commission an independent review of scrutiny arrangements",
  "Deliver a member development programme",
  "Report quarterly performance to Cabinet",
  "Run a staff survey and share the results",
  "Hold workshops with Cabinet and the Corporate Leadership Team",
  "Consult on a new Corporate Strategy",
  "Agree a savings plan for the next three years",
  "Appoint a permanent Director of Resources",
  "Set up a residents' panel",
  "Carry out an asset review of the council's land and buildings",
  "Establish a shareholder committee for the council's companies",
  "Refresh the corporate risk register",
  "Publish a communications plan for the vision",
  "Provide training for committee chairs and vice chairs",
  "Launch a data and insight hub",
  "Hold monthly meetings of the Leader and senior officers",
  "Set up a programme board for transformation",
  "Run a recruitment campaign for hard-to-fill posts",
  "Review the constitution",
  "Publish an annual report on progress against the plan",
  "Consult residents on the budget",
  "Agree an investment plan for the town centre",
  "Introduce pre-decision scrutiny of key decisions",
  "Adopt a new medium-term financial strategy",
  "Review the scheme of delegation",
  "Develop a place narrative with partners",
  "Introduce a new performance dashboard for members",
  "Complete a review of the council's companies",
  "Set out a workforce strategy",
  "Agree a forward plan of key decisions",
  "Hold a member induction programme after the elections",
  "Create a single corporate programme office",
  "Map the council's partnerships and their governance",
  "Report the capital programme's delivery to Cabinet each quarter",
  "Establish a cross-party working group on local government reorganisation",
  "Review the effectiveness of the Audit and Governance Committee",
  "Launch a leadership development programme for managers",
  "Agree service plans that link to the corporate plan",
  "Publish a digital strategy",
  "Undertake a review of fees and charges",
] as const;

export const actionTails = [
  "with support from the LGA",
  "and report back to the Audit Committee",
  "involving opposition members",
  "across all directorates",
  "with partners in the health system",
  "and agree the next steps",
  "",
  "",
  "",
] as const;

export const updateSentences = [
  "Work has started and a draft will go to Cabinet next month.",
  "The first session was held and feedback was positive.",
  "Delayed by the budget process; revised timetable agreed.",
  "Completed and now part of business as usual.",
  "Scoping is under way with the service leads.",
] as const;
