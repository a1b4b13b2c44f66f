// The baseline for `npm run bench:startup`: the smallest botbuilder bot, which loads the same
// SDK as our Teams channel. Plain JavaScript run by node directly, so nothing is compiled at
// start-up; answers GET /healthz once it listens.
import express from "express";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const app = express();
app.get("/healthz", (_req, res) => res.json({ status: "ok" }));
app.post("/api/messages", express.json(), (req, res) => {
  void adapter.process(req, res, async (context) => {
    await context.sendActivity(`echo: ${context.activity.text}`);
  });
});
app.listen(Number(process.env.PORT ?? 3978), "127.0.0.1");
