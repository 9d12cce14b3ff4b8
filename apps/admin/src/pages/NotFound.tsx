import { Link } from "react-router";

export function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        If you typed the web address, check it is correct. <Link to="/">Go to the national summary</Link>.
      </p>
    </>
  );
}
