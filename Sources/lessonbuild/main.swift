import LessonKit
print("lessonbuild")
