# 40,000 `let` statements in one {eval} block (about 0.6 MB, so it is generated, not committed).
with open("lesson.md", "w") as f:
    f.write("---\ntitle: Many statements\n---\n\n```{eval}\n")
    f.writelines(f"let v{i} = {i}\n" for i in range(40_000))
    f.write("```\n\n{{ v0 }}\n")
