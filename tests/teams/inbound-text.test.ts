import { describe, expect, it } from "vitest";
import { cleanText } from "../../adapters/teams/inbound.js";

describe("text typed in Teams", () => {
  it("drops mentions and markup but keeps what the teacher typed", () => {
    expect(cleanText("<at>Gesprekswijzer</at> help")).toBe("help");
    expect(cleanText("<p>mijn groep</p>")).toBe("mijn groep");
    expect(cleanText("Sam scoort <5 fouten en >8 goed")).toBe("Sam scoort <5 fouten en >8 goed");
    expect(cleanText("Tom &amp; Jerry &lt;3")).toBe("Tom & Jerry <3");
  });
});
