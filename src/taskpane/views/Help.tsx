/** Help: what each view does, in a few lines. */
import { Body1, Link } from "@fluentui/react-components";
import { useNavigation, TABS } from "../app/navigation";
import { Section } from "./common";
import { Diagnostics } from "./Diagnostics";

const WHAT: Record<string, string> = {
  home: "The sheets Altitude recognised as OKRs, KPIs, KRAs or check-ins, with rows, periods and problems.",
  map: "Tell Altitude which column holds which field when it is unsure or wrong. Saved in the workbook.",
  tables: "Turn a sheet into an Excel table with live scores and colours, or insert a starter sheet.",
  checkin: "Record a key result's new value on the Check-ins sheet; Altitude reads the latest check-in as its current value and leaves your Current cell as you wrote it.",
  checks: "Goal-quality findings; choose one to select its cell.",
  rollup: "Write a quarter's rollup onto a new sheet.",
  reviews: "Write one review summary sheet per person, with an index.",
  settings: "Grade bands, pace, cap, rating scale and fiscal year, stored in the workbook.",
};

export function Help() {
  const { navigate } = useNavigation();
  return (
    <Section title="Help">
      <Body1>Altitude reads the goal sheets you already keep. OKR results inform a review; they never equal the rating. KPIs set the floor; OKRs raise the ceiling.</Body1>
      <ul>
        {TABS.map((t) => (
          <li key={t.view}>
            <Body1>
              <Link as="button" onClick={() => navigate(t.view)}>
                {t.label}
              </Link>
              : {WHAT[t.view]}
            </Body1>
          </li>
        ))}
      </ul>
      <Diagnostics />
    </Section>
  );
}
