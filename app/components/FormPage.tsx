import { Form } from "@remix-run/react";
import { FormError } from "./Field";
import { TopBar } from "./TopBar";

type Props = { title: string; formError?: string; children: React.ReactNode; after?: React.ReactNode };

/** The narrow one-form page the join, sign-up and log-in screens share; `after` follows the form. */
export function FormPage({ title, formError, children, after }: Props) {
  return (
    <>
      <TopBar />
      <main id="main" className="page narrow">
        <h1>{title}</h1>
        <Form method="post" className="panel" noValidate>
          <FormError message={formError} />
          {children}
        </Form>
        {after}
      </main>
    </>
  );
}
