// Where Slack reaches the app, as registered in its manifest (slack/manifest.yaml): the one
// request URL for events, the slash command and interactivity, and the slash command itself.
export const SLACK_ENDPOINT = "/slack/events";
export const SLASH_COMMAND = "/kindgesprek";
