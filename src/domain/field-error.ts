/** A problem with one input field: what rules report and RFC 9457 problem details carry. */
export interface FieldError {
  /** Dotted path of the field in the request, e.g. `body.partners.0.budget`. */
  field: string;
  /** Stable machine code, e.g. `date.end_before_start`. */
  code: string;
  message: string;
}
