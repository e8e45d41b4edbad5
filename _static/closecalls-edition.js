/* Close Calls: the teacher's edition. A page opened with "?edition=teacher" in its address (as
 * "make pdf EDITION=teacher" opens each page) prints the exercises' solutions and the practice
 * questions' answers, which the student handout leaves out, under a banner that marks it as the
 * teacher's copy (see closecalls.css). */
(function () {
  "use strict";
  if (/(^|[?&])edition=teacher(&|$)/.test(window.location.search.slice(1))) {
    document.documentElement.classList.add("cc-teacher-edition");
  }
})();
